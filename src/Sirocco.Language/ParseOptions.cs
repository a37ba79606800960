using Sirocco.Expressions;
using Sirocco.Language.Model;
using Sirocco.Language.Parsing;

namespace Sirocco.Language;

/// <summary>Options of <see cref="WorkflowParser.Parse"/>. Every property has a working default.</summary>
public sealed class ParseOptions
{
    /// <summary>A shared default instance.</summary>
    public static ParseOptions Default { get; } = new();

    /// <summary>
    /// What kind of file to expect. Null (default) guesses: a workbook when the root has <c>name</c>,
    /// <c>workflows</c> or <c>actions</c>; an action file when every entry has a <c>base</c>; otherwise workflows.
    /// The REST API knows the kind from its route and should say it.
    /// </summary>
    public DocumentKind? Kind { get; init; }

    /// <summary>The namespace to record on the document (Mistral's <c>namespace</c> parameter). Default "".</summary>
    public string Namespace { get; init; } = string.Empty;

    /// <summary>
    /// When <see cref="ExpressionSyntaxChecker"/> is null: true (default) checks every expression-bearing string with
    /// the real YAQL and Jinja parsers (after a delimiter-balance check); false checks the delimiter balance of
    /// <c>&lt;% %&gt;</c>, <c>{{ }}</c> and <c>{% %}</c> only, which is cheaper and lets typos surface at run time.
    /// </summary>
    public bool CheckExpressionSyntax { get; init; } = true;

    /// <summary>
    /// Checks the syntax of one expression-bearing string and returns its error messages (empty when fine).
    /// Null (default) uses the check <see cref="CheckExpressionSyntax"/> selects; set it to plug in another checker.
    /// It is called once per distinct text in a parse.
    /// </summary>
    public Func<string, IReadOnlyList<string>>? ExpressionSyntaxChecker { get; init; }

    /// <summary>
    /// Size and task-count limits to enforce as diagnostics; null (default) enforces none, so that stored definitions
    /// always parse. Hosts set it where definitions come in (upload, validate).
    /// </summary>
    public DefinitionLimits? Limits { get; init; }

    /// <summary>
    /// Options whose syntax check runs the delimiter-balance check and then <paramref name="evaluator"/>'s
    /// <see cref="IExpressionEvaluator.CheckSyntax"/>. The balance check stays first because an evaluator that
    /// follows Mistral reads an unclosed <c>&lt;%</c> as plain text and would not report it.
    /// </summary>
    public static ParseOptions ForEvaluator(IExpressionEvaluator evaluator, DocumentKind? kind = null, string ns = "")
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        return new ParseOptions
        {
            Kind = kind,
            Namespace = ns,
            ExpressionSyntaxChecker = text => ExpressionChecks.Full(evaluator, text),
        };
    }

    /// <summary>The syntax checker this parse uses: the one given, else the one <see cref="CheckExpressionSyntax"/> selects.</summary>
    internal Func<string, IReadOnlyList<string>> ResolveSyntaxChecker() =>
        ExpressionSyntaxChecker ?? ExpressionChecks.Default(CheckExpressionSyntax);
}
