using Sirocco.Expressions.Values;

namespace Sirocco.Language.Model;

/// <summary>
/// A <c>retry</c> policy, from the mapping form or the one-line form (<c>retry: count=3 delay=1</c>).
/// <see cref="Count"/> and <see cref="Delay"/> are non-negative integers or expressions.
/// </summary>
public sealed record RetrySpec
{
    public required Value Count { get; init; }

    public required Value Delay { get; init; }

    /// <summary>An expression; when true the task stops retrying and fails.</summary>
    public string? BreakOn { get; init; }

    /// <summary>An expression; while true the task keeps retrying even on success.</summary>
    public string? ContinueOn { get; init; }

    public SourceLocation Location { get; init; } = SourceLocation.Start;
}
