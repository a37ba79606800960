using Sirocco.Language.Model;

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
    /// Checks the syntax of one expression-bearing string and returns its error messages (empty when fine).
    /// Null (default) uses a delimiter-balance check of <c>&lt;% %&gt;</c> and <c>{{ }}</c>; the host plugs in
    /// <c>IExpressionEvaluator.CheckSyntax</c> here to get full YAQL/Jinja syntax checks.
    /// </summary>
    public Func<string, IReadOnlyList<string>>? ExpressionSyntaxChecker { get; init; }
}
