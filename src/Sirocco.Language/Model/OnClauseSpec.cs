using System.Collections.Immutable;

namespace Sirocco.Language.Model;

/// <summary>
/// One of <c>on-success</c>, <c>on-error</c>, <c>on-complete</c>. The simple forms (a name, a list of names
/// or <c>name: condition</c> entries) fill only <see cref="Next"/>; the newer mapping form
/// (<c>publish:</c> + <c>next:</c>) may also carry <see cref="Publish"/>.
/// </summary>
public sealed record OnClauseSpec
{
    /// <summary>Transitions in the order written.</summary>
    public ImmutableArray<TransitionSpec> Next { get; init; } = [];

    /// <summary>The <c>publish</c> of the mapping form, or null.</summary>
    public PublishSpec? Publish { get; init; }

    /// <summary>True when written as a mapping with <c>publish</c>/<c>next</c>.</summary>
    public bool IsAdvancedForm { get; init; }

    public SourceLocation Location { get; init; } = SourceLocation.Start;
}
