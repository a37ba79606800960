using Sirocco.Expressions;

namespace Sirocco.Engine.Processing;

/// <summary>
/// Expression evaluation as the engine reports it: a failure reads as Mistral's
/// <c>Can not evaluate YAQL expression [expression=..., error=...]</c> (or <c>Jinja</c>), the text
/// authors and tools look for in <c>state_info</c>. Mistral appends the whole data context; we do not
/// (it can be large and may hold secrets).
/// </summary>
internal static class Evaluation
{
    public static string Describe(ExpressionError error) => Describe(error, error.Expression);

    public static string Describe(ExpressionError error, string source)
    {
        if (error.Message.StartsWith("Can not evaluate", StringComparison.Ordinal))
        {
            return error.Message;
        }

        var jinja = source.Contains("{{", StringComparison.Ordinal) || source.Contains("{%", StringComparison.Ordinal);
        return $"Can not evaluate {(jinja ? "Jinja" : "YAQL")} expression [expression={error.Expression}, error={error.Message}]";
    }
}
