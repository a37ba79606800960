using System.Text.RegularExpressions;

namespace Sirocco.Expressions.Jinja;

/// <summary>
/// Stand-in for the YAQL evaluator, written in parallel on another branch: it recognises <c>&lt;% %&gt;</c>
/// as Mistral does and reports every YAQL expression as an error. Replaced by <c>YaqlLanguage</c> at merge.
/// </summary>
internal sealed partial class PendingYaqlLanguage : IExpressionLanguage
{
    private const string Message = "YAQL evaluator not merged yet";

    [GeneratedRegex("<%(.*?)%>")]
    private static partial Regex Pattern();

    public bool Contains(string text) => text.Contains("<%", StringComparison.Ordinal) && Pattern().IsMatch(text);

    public ExpressionResult Evaluate(string text, ExpressionContext context) =>
        ExpressionResult.Failure(new ExpressionError(text, ErrorCategories.Other, Message));

    public IReadOnlyList<ExpressionError> CheckSyntax(string text) =>
        Contains(text) ? [new ExpressionError(text, ErrorCategories.Other, Message)] : [];
}
