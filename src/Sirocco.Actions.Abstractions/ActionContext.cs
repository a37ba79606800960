using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sirocco.Expressions.Values;

namespace Sirocco.Actions.Abstractions;

/// <summary>
/// What an action knows about the call it serves (Mistral's <c>context.execution</c>): the ids that
/// tie it to its workflow, the callback URL a delegate hands to a third party, cancellation and a logger.
/// </summary>
public sealed class ActionContext
{
    /// <summary>The action execution this call serves; also the key for de-duplication and completion.</summary>
    public required string ActionExecutionId { get; init; }

    /// <summary>The workflow execution, or null for an action run without a workflow.</summary>
    public string? ExecutionId { get; init; }

    /// <summary>The task execution, or null for an action run without a workflow.</summary>
    public string? TaskExecutionId { get; init; }

    /// <summary>The workflow's name, or null for an action run without a workflow.</summary>
    public string? WorkflowName { get; init; }

    /// <summary>Where a third party posts the result of a delegate (pending) action; carries a single-purpose token.</summary>
    public Uri? CallbackUrl { get; init; }

    /// <summary>The input as given, before binding to the action's properties.</summary>
    public DictValue Input { get; init; } = DictValue.Empty;

    /// <summary>Fires when the call is cancelled or its timeout expires.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Logger scoped to this call.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

    /// <summary>The clock; actions wait through it so tests can use fake time.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}
