using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Mistral;

/// <summary>
/// The cores of Mistral's expression functions shared by YAQL and Jinja (<c>json_pp</c>, <c>json_dump</c>,
/// <c>json_parse</c>, <c>yaml_parse</c>, <c>yaml_dump</c>, <c>uuid</c>). Inputs and outputs are plain JSON
/// values; failures throw <see cref="MistralFunctionException"/> with a Python-like message.
/// </summary>
internal static class MistralFunctions
{
    /// <summary>
    /// <c>json_dump(data)</c>: Python <c>json.dumps(data, indent=4)</c> (ASCII-escaped, insertion order).
    /// With <paramref name="frozenDicts"/> (YAQL, whose dicts are immutable mappings json cannot encode
    /// natively) oslo's <c>to_primitive</c> fallback converts them, and it gives up below depth 3:
    /// dictionaries nested three levels inside one another become null, as in Mistral.
    /// </summary>
    public static string JsonDump(Value data, bool frozenDicts = false) =>
        PythonJson.Dumps(frozenDicts ? PythonJson.ToPrimitive(data) : data, indent: 4);

    /// <summary>
    /// <c>json_pp(data)</c>: like <c>json_dump</c>, then escaped newlines become real ones and trailing spaces
    /// before a newline go. Mistral passes <c>data or context</c>, so a falsy value dumps the evaluation context,
    /// which cannot be serialised: callers turn a falsy <paramref name="data"/> into the reference's error.
    /// </summary>
    public static string JsonPp(Value data, bool frozenDicts = false)
    {
        if (!data.IsTruthy)
        {
            throw new MistralFunctionException("value_error", "Circular reference detected");
        }

        return JsonDump(data, frozenDicts).Replace("\\n", "\n", StringComparison.Ordinal).Replace(" \n", "\n", StringComparison.Ordinal);
    }

    /// <summary><c>json_parse(text)</c>.</summary>
    public static Value JsonParse(string text)
    {
        try
        {
            return PythonJson.Loads(text);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new MistralFunctionException("value_error", "Expecting value: " + e.Message);
        }
    }

    /// <summary><c>yaml_parse(text)</c>: PyYAML <c>safe_load</c> (YAML 1.1 implicit types).</summary>
    public static Value YamlParse(string text) => PythonYaml.Load(text);

    /// <summary><c>yaml_dump(data)</c>: PyYAML <c>safe_dump(data, default_flow_style=False)</c> (keys sorted).</summary>
    public static string YamlDump(Value data) => PythonYaml.Dump(data);

    /// <summary><c>uuid()</c>: a random UUID in its canonical lower-case form.</summary>
    public static string Uuid() => Guid.NewGuid().ToString("D");
}
