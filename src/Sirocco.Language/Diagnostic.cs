using Sirocco.Language.Model;

namespace Sirocco.Language;

/// <summary>
/// One problem in a definition: what is wrong, where (line and column, 1-based) and in which element
/// (a path such as <c>workflows.deploy.tasks.wait.on-success[1]</c>, built from the YAML keys and list indexes).
/// </summary>
/// <param name="Message">What is wrong, for the author.</param>
/// <param name="Path">Dotted key path with <c>[i]</c> list indexes; empty for the document itself.</param>
/// <param name="Location">Line and column of the offending node.</param>
public sealed record Diagnostic(string Message, string Path, SourceLocation Location)
{
    public int Line => Location.Line;

    public int Column => Location.Column;

    /// <summary><c>line:column path: message</c>, the form the corpus and the CLI use.</summary>
    public override string ToString() =>
        Path.Length == 0 ? $"{Location}: {Message}" : $"{Location} {Path}: {Message}";
}
