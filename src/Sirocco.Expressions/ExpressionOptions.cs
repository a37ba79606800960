namespace Sirocco.Expressions;

/// <summary>
/// Limits and services for expression evaluation. The limits keep a bad expression from hurting the
/// engine: when one is exceeded the expression fails with category <c>limit</c> and a message naming it.
/// </summary>
public sealed class ExpressionOptions
{
    /// <summary>Evaluation steps (nodes visited, loop iterations, items processed) per evaluation. Default 1,000,000.</summary>
    public int MaxSteps { get; init; } = 1_000_000;

    /// <summary>Nesting depth of an expression, at parse time and at run time. Default 200.</summary>
    public int MaxDepth { get; init; } = 200;

    /// <summary>Length of any string or list an evaluation builds, including rendered text. Default 1,000,000.</summary>
    public int MaxOutputLength { get; init; } = 1_000_000;

    /// <summary>How many parsed expressions are kept; the cache is emptied when it grows past this. Default 10,000.</summary>
    public int MaxCachedExpressions { get; init; } = 10_000;

    /// <summary>Source of <c>uuid()</c> values; the expression layer itself draws no random numbers.</summary>
    public Func<Guid> NewId { get; init; } = Guid.NewGuid;

    /// <summary>Source of the <c>random</c> filter's choices (an index below the given bound).</summary>
    public Func<int, int> NextRandom { get; init; } = Random.Shared.Next;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSteps, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDepth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxOutputLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxCachedExpressions, 0);
    }
}
