using Sirocco.Expressions.Values;

namespace Sirocco.Language.Model;

/// <summary>
/// The one-line input signatures Mistral's REST API shows. Mistral formats the two differently, and
/// clients compare them as text, so we copy both forms: workflows write <c>name="str(default)"</c>
/// (Python <c>str</c> inside double quotes, so <c>b="1"</c>, <c>c="None"</c>), ad-hoc actions write
/// <c>name=json.dumps(default)</c> (so <c>b=1</c>, <c>c="x"</c>, <c>d=null</c>).
/// </summary>
internal static class InputSignatures
{
    public static string ForWorkflow(IEnumerable<InputParameter> input) =>
        string.Join(", ", input.Select(p => p.Default is null ? p.Name : $"{p.Name}=\"{p.Default.ToText()}\""));

    public static string ForAction(IEnumerable<InputParameter> input) =>
        string.Join(", ", input.Select(p => p.Default is null ? p.Name : $"{p.Name}={JsonValues.ToPythonJson(p.Default)}"));
}
