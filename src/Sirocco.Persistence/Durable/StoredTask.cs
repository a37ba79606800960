namespace Sirocco.Persistence.Durable;

/// <summary>
/// The stored state of one task execution: only what the task adds — its published variables and
/// its own bookkeeping. Its result is not copied here; it is the output of its action executions.
/// </summary>
public sealed record StoredTask
{
    /// <summary>UUID text.</summary>
    public required string Id { get; init; }

    /// <summary>Owning execution.</summary>
    public required string WorkflowExecutionId { get; init; }

    /// <summary>Task name.</summary>
    public required string Name { get; init; }

    /// <summary><c>ACTION</c> or <c>WORKFLOW</c>.</summary>
    public string Type { get; init; } = "ACTION";

    /// <summary>Task state.</summary>
    public required string State { get; init; }

    /// <summary>Why, for errors.</summary>
    public string? StateInfo { get; init; }

    /// <summary>Variables this task published, JSON object text.</summary>
    public string PublishedJson { get; init; } = "{}";

    /// <summary>Mistral's runtime context (retry counters, <c>triggered_by</c>, with-items counters), JSON text.</summary>
    public string RuntimeContextJson { get; init; } = "{}";

    /// <summary>Engine-private task data, JSON text.</summary>
    public string? EngineStateJson { get; init; }

    /// <summary>Transitions have been evaluated.</summary>
    public bool Processed { get; init; }

    /// <summary>Owner.</summary>
    public string ProjectId { get; init; } = "<default-project>";

    /// <summary>Tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Last change.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Started running.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>Completed.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Raised by every write of the row; the engine's copies of a task are trusted only at the version they were made from.</summary>
    public long Version { get; init; }
}
