using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace Sirocco.Expressions.Values;

/// <summary>Conversion between <see cref="Value"/> and JSON text, keeping integers and floats apart.</summary>
public static class JsonValues
{
    /// <summary>Parses JSON text; throws <see cref="JsonException"/> when it is not JSON.</summary>
    public static Value Parse(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 256 });
        return FromElement(document.RootElement);
    }

    public static Value FromElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => Value.Null,
        JsonValueKind.True => Value.True,
        JsonValueKind.False => Value.False,
        JsonValueKind.String => new StringValue(element.GetString()!),
        JsonValueKind.Number => ParseNumber(element.GetRawText()),
        JsonValueKind.Array => new ListValue(element.EnumerateArray().Select(FromElement)),
        JsonValueKind.Object => DictValue.From(element.EnumerateObject()
            .Select(p => new KeyValuePair<Value, Value>(new StringValue(p.Name), FromElement(p.Value)))),
        _ => throw new JsonException($"Unsupported JSON value kind {element.ValueKind}."),
    };

    /// <summary>A JSON number token: integer when it has no '.', 'e' or 'E', float otherwise.</summary>
    public static Value ParseNumber(string text) =>
        text.AsSpan().IndexOfAny(".eE") >= 0
            ? new FloatValue(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture))
            : new IntValue(BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));

    /// <summary>
    /// True when writing the value as JSON and parsing it back gives an equal value: false for a dictionary with a
    /// key that is not a string (it comes back as its text) and for a float JSON cannot hold (NaN, infinities).
    /// </summary>
    public static bool RoundTrips(Value value) => value switch
    {
        NullValue or BoolValue or IntValue or StringValue => true,
        FloatValue f => double.IsFinite(f.Value),
        ListValue list => list.Items.All(RoundTrips),
        DictValue dict => dict.All(entry => entry.Key is StringValue && RoundTrips(entry.Value)),
        _ => false,
    };

    /// <summary>Compact JSON. Non-string dictionary keys become their JSON text, as Mistral stores them.</summary>
    public static string ToJson(Value value)
    {
        var builder = new StringBuilder();
        Write(builder, value);
        return builder.ToString();
    }

    public static void Write(Utf8JsonWriter writer, Value value)
    {
        switch (value)
        {
            case NullValue:
                writer.WriteNullValue();
                break;
            case BoolValue b:
                writer.WriteBooleanValue(b.Value);
                break;
            case IntValue or FloatValue:
                writer.WriteRawValue(NumberText(value), skipInputValidation: true);
                break;
            case StringValue s:
                writer.WriteStringValue(s.Value);
                break;
            case ListValue list:
                writer.WriteStartArray();
                foreach (var item in list.Items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case DictValue dict:
                writer.WriteStartObject();
                foreach (var (key, item) in dict)
                {
                    writer.WritePropertyName(KeyText(key));
                    Write(writer, item);
                }

                writer.WriteEndObject();
                break;
            default:
                throw new InvalidOperationException($"Cannot write {value.GetType().Name} as JSON.");
        }
    }

    /// <summary>
    /// Python's <c>json.dumps</c> with its default separators (<c>", "</c>, <c>": "</c>) and ASCII escaping:
    /// the text Mistral shows for a dict <c>state_info</c> and for ad-hoc action input defaults.
    /// </summary>
    public static string ToPythonJson(Value value) => Mistral.PythonJson.Dumps(value, indent: null);

    /// <summary>The text a non-string key takes when a dictionary is stored as JSON (<c>1</c> → <c>"1"</c>).</summary>
    public static string KeyText(Value key) => key is StringValue s ? s.Value : ToJson(key);

    private static void Write(StringBuilder builder, Value value)
    {
        switch (value)
        {
            case NullValue:
                builder.Append("null");
                break;
            case BoolValue b:
                builder.Append(b.Value ? "true" : "false");
                break;
            case IntValue or FloatValue:
                builder.Append(NumberText(value));
                break;
            case StringValue s:
                builder.Append(JsonSerializer.Serialize(s.Value));
                break;
            case ListValue list:
                builder.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    Write(builder, list[i]);
                }

                builder.Append(']');
                break;
            case DictValue dict:
                builder.Append('{');
                var first = true;
                foreach (var (key, item) in dict)
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    builder.Append(JsonSerializer.Serialize(KeyText(key))).Append(':');
                    Write(builder, item);
                }

                builder.Append('}');
                break;
            default:
                throw new InvalidOperationException($"Cannot write {value.GetType().Name} as JSON.");
        }
    }

    private static string NumberText(Value value) => value switch
    {
        IntValue i => i.Value.ToString(CultureInfo.InvariantCulture),
        FloatValue f when double.IsFinite(f.Value) => PythonText.FloatRepr(f.Value),
        // JSON has no infinities; Python's json module writes these tokens, we do the same.
        FloatValue f => double.IsNaN(f.Value) ? "NaN" : f.Value > 0 ? "Infinity" : "-Infinity",
        _ => throw new InvalidOperationException("Not a number."),
    };
}
