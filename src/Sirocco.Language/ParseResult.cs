using System.Collections.Immutable;
using Sirocco.Language.Model;

namespace Sirocco.Language;

/// <summary>
/// The outcome of parsing: a document when the text is valid, otherwise the diagnostics (in text order).
/// Expected errors are data here, never exceptions.
/// </summary>
public sealed record ParseResult
{
    private ParseResult(WorkflowDocument? document, ImmutableArray<Diagnostic> diagnostics)
    {
        Document = document;
        Diagnostics = diagnostics;
    }

    /// <summary>The parsed document; null when <see cref="Diagnostics"/> is not empty.</summary>
    public WorkflowDocument? Document { get; }

    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public bool IsValid => Document is not null;

    public static ParseResult Success(WorkflowDocument document) => new(document, []);

    public static ParseResult Failure(IEnumerable<Diagnostic> diagnostics)
    {
        var sorted = diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column).ToImmutableArray();
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("A failed parse needs at least one diagnostic.", nameof(diagnostics));
        }

        return new ParseResult(null, sorted);
    }
}
