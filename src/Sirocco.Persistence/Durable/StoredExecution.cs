namespace Sirocco.Persistence.Durable;

/// <summary>
/// The stored state of one workflow execution as the runtime writes it. <see cref="EngineStateJson"/>
/// is opaque to the store: whatever execution-level data the engine needs back (counters, the
/// definition snapshot reference, globals).
/// </summary>
public sealed record StoredExecution
{
    /// <summary>UUID text.</summary>
    public required string Id { get; init; }

    /// <summary>Workflow name.</summary>
    public required string WorkflowName { get; init; }

    /// <summary>Workflow namespace.</summary>
    public string WorkflowNamespace { get; init; } = "";

    /// <summary>Definition id.</summary>
    public string? WorkflowId { get; init; }

    /// <summary>Free text from the start request.</summary>
    public string? Description { get; init; }

    /// <summary>RUNNING, PAUSED, SUCCESS, ERROR, CANCELLED, IDLE.</summary>
    public required string State { get; init; }

    /// <summary>Why it is in that state.</summary>
    public string? StateInfo { get; init; }

    /// <summary>Input object, JSON text.</summary>
    public string InputJson { get; init; } = "{}";

    /// <summary>Output object, JSON text, once finished.</summary>
    public string? OutputJson { get; init; }

    /// <summary>Start params, JSON text.</summary>
    public string ParamsJson { get; init; } = "{}";

    /// <summary>
    /// The YAML this execution runs, snapshotted at start (Mistral keeps the spec on the execution, so
    /// updating the workflow does not change running executions). Null on later saves keeps the stored one.
    /// </summary>
    public string? DefinitionText { get; init; }

    /// <summary>Engine-private execution data, JSON text.</summary>
    public string? EngineStateJson { get; init; }

    /// <summary>Parent task for a sub-workflow.</summary>
    public string? TaskExecutionId { get; init; }

    /// <summary>Top of the sub-workflow tree.</summary>
    public string? RootExecutionId { get; init; }

    /// <summary>Owner.</summary>
    public string ProjectId { get; init; } = "<default-project>";

    /// <summary>Tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Bumped by every write; lets tests and callers see that a change happened once.</summary>
    public long Version { get; init; }

    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Last change.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>When it reached a final state; retention counts from here.</summary>
    public DateTimeOffset? FinishedAt { get; init; }
}
