namespace Sirocco.Persistence.Durable;

/// <summary>The stored state of one action execution; a with-items task has one per item.</summary>
public sealed record StoredAction
{
    /// <summary>UUID text; runners and the engine de-duplicate deliveries by it.</summary>
    public required string Id { get; init; }

    /// <summary>Owning task, or null for an action run outside a workflow.</summary>
    public string? TaskExecutionId { get; init; }

    /// <summary>Owning execution, or null.</summary>
    public string? WorkflowExecutionId { get; init; }

    /// <summary>Action name.</summary>
    public required string Name { get; init; }

    /// <summary><c>ACTION</c>, or <c>WORKFLOW</c> when the row stands for a sub-workflow call.</summary>
    public string Type { get; init; } = "ACTION";

    /// <summary>With-items position, 0 otherwise.</summary>
    public int ItemIndex { get; init; }

    /// <summary>RUNNING, SUCCESS, ERROR, CANCELLED, PAUSED.</summary>
    public required string State { get; init; }

    /// <summary>Why, for errors.</summary>
    public string? StateInfo { get; init; }

    /// <summary>A result has been accepted.</summary>
    public bool Accepted { get; init; }

    /// <summary>Input, JSON text.</summary>
    public string InputJson { get; init; } = "{}";

    /// <summary>Output (<c>{"result": …}</c>), JSON text.</summary>
    public string? OutputJson { get; init; }

    /// <summary>Free text.</summary>
    public string? Description { get; init; }

    /// <summary>The server that dispatched this call; kept when a later save leaves it null.</summary>
    public string? Runner { get; init; }

    /// <summary>Owner.</summary>
    public string ProjectId { get; init; } = "<default-project>";

    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Last change.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
}
