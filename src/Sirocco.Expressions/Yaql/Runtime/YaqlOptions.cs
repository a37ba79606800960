namespace Sirocco.Expressions.Yaql;

/// <summary>
/// Limits that keep a hostile or runaway expression from taking the engine down. Each limit, when
/// exceeded, fails the evaluation with a clear error (category <c>limit</c>) instead of hanging or
/// exhausting memory. The defaults are far above what real workflow expressions need.
/// </summary>
internal sealed class YaqlOptions
{
    public static YaqlOptions Default { get; } = new();

    /// <summary>Evaluation steps (node evaluations and lambda calls) per expression. Default 1,000,000.</summary>
    public long MaxSteps { get; init; } = 1_000_000;

    /// <summary>Nesting of lambda and function calls, and of parsed expressions. Default 200.</summary>
    public int MaxDepth { get; init; } = 200;

    /// <summary>Items of any collection the expression builds, and characters of any string. Default 1,000,000.</summary>
    public int MaxOutputSize { get; init; } = 1_000_000;

    /// <summary>Parsed expressions kept in the cache. Default 10,000.</summary>
    public int MaxCachedExpressions { get; init; } = 10_000;

    /// <summary>The clock of <c>now()</c>. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public void Validate()
    {
        if (MaxSteps < 1 || MaxDepth < 1 || MaxOutputSize < 1 || MaxCachedExpressions < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(YaqlOptions), "YAQL limits must be positive.");
        }
    }
}
