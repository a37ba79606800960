using System.Text;

namespace Sirocco.Fuzz;

/// <summary>
/// The fuzz targets. Each takes raw bytes and returns normally when the code under test answered
/// with its documented result (diagnostics, an error result, a 400); any other exception escapes and
/// is a crash. The regression tests replay the seed corpora and every found crash through these.
/// </summary>
internal static class FuzzTargets
{
    /// <summary>Every target by the name the runner and <c>scripts/fuzz</c> use.</summary>
    public static readonly IReadOnlyDictionary<string, Action<byte[]>> All = new Dictionary<string, Action<byte[]>>
    {
        ["yaml"] = WorkflowTarget.Run,
        ["yaql"] = ExpressionTargets.RunYaql,
        ["jinja"] = ExpressionTargets.RunJinja,
        ["rest"] = RestBindingTarget.Run,
    };

    /// <summary>Decodes like the API and the CLI do: UTF-8, invalid sequences replaced rather than refused.</summary>
    public static string Text(byte[] data) => Encoding.UTF8.GetString(data);
}
