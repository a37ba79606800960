using Sirocco.Expressions.Values;

namespace Sirocco.Engine.DataFlow;

/// <summary>
/// How Mistral renders a <c>state_info</c> given as a value (e.g. <c>fail msg=&lt;% task().result %&gt;</c>):
/// a dict as Python's <c>json.dumps</c>, anything else as Python's <c>str()</c>.
/// </summary>
internal static class PythonJson
{
    public static string StateInfo(Value value) => value is DictValue ? JsonValues.ToPythonJson(value) : value.ToText();
}
