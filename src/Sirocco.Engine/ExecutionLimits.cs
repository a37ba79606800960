namespace Sirocco.Engine;

/// <summary>
/// Limits the engine enforces while it decides, so that a runaway workflow ends in ERROR with a clear
/// <c>state_info</c> instead of filling the database. Mistral has none of these; the defaults are far above
/// what real workflows use. Zero or a negative value switches a limit off. Hosts bind them from the
/// <c>Limits:*</c> configuration keys named in each message (docs/security.md).
/// </summary>
public sealed record ExecutionLimits
{
    /// <summary>The defaults.</summary>
    public static ExecutionLimits Default { get; } = new();

    /// <summary>Task executions one workflow execution may create (a cycle that never ends hits it). Default 100,000.</summary>
    public int MaxTasksPerExecution { get; init; } = 100_000;

    /// <summary>Items one <c>with-items</c> task may iterate over. Default 100,000.</summary>
    public int MaxWithItemsLength { get; init; } = 100_000;

    /// <summary>How deep sub-workflows may nest: a top-level execution is at depth 0, its sub-workflows at 1. Default 32.</summary>
    public int MaxSubworkflowDepth { get; init; } = 32;

    /// <summary>Configuration key of <see cref="MaxTasksPerExecution"/>.</summary>
    public const string MaxTasksPerExecutionKey = "Limits:MaxTasksPerExecution";

    /// <summary>Configuration key of <see cref="MaxWithItemsLength"/>.</summary>
    public const string MaxWithItemsLengthKey = "Limits:MaxWithItemsLength";

    /// <summary>Configuration key of <see cref="MaxSubworkflowDepth"/>.</summary>
    public const string MaxSubworkflowDepthKey = "Limits:MaxSubworkflowDepth";
}
