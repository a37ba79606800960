using System.Collections.Immutable;
using Sirocco.Expressions.Values;

namespace Sirocco.Language.Model;

/// <summary>
/// One task. Properties that may hold expressions keep their raw <see cref="Value"/> (a string such as
/// <c>&lt;% $.n %&gt;</c>, or a literal) so the engine evaluates them when the task runs; a property not
/// written in the task is null (task-defaults are not merged in here).
/// </summary>
public sealed record TaskSpec
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public ImmutableArray<string> Tags { get; init; } = [];

    public TaskKind Kind => Workflow is null ? TaskKind.Action : TaskKind.Workflow;

    /// <summary>
    /// The action name without inline parameters; <c>std.noop</c> when the task names neither an
    /// action nor a workflow (Mistral's default); null for a workflow task. May be an expression.
    /// </summary>
    public string? Action { get; init; }

    /// <summary>The sub-workflow name without inline parameters, or null for an action task. May be an expression.</summary>
    public string? Workflow { get; init; }

    /// <summary>
    /// The input: a <see cref="DictValue"/> (the <c>input</c> mapping with inline parameters of
    /// <c>action</c>/<c>workflow</c> merged over it, as Mistral does) or a <see cref="StringValue"/>
    /// expression that yields the whole input. Empty dict when neither is written.
    /// </summary>
    public Value Input { get; init; } = DictValue.Empty;

    /// <summary>The <c>with-items</c> entries in order; empty when the task does not iterate.</summary>
    public ImmutableArray<WithItemsEntry> WithItems { get; init; } = [];

    public Value? Concurrency { get; init; }

    public RetrySpec? Retry { get; init; }

    public Value? WaitBefore { get; init; }

    public Value? WaitAfter { get; init; }

    public Value? Timeout { get; init; }

    public Value? PauseBefore { get; init; }

    public Value? FailOn { get; init; }

    /// <summary><c>keep-result</c>: a bool or an expression; null means Mistral's default (true).</summary>
    public Value? KeepResult { get; init; }

    public Value? SafeRerun { get; init; }

    /// <summary>
    /// <c>heartbeat-extends-timeout</c> (a Sirocco extension; a bool or an expression): each heartbeat of the
    /// task's running delegate action restarts its <c>timeout</c>, so only silence for that long fails it.
    /// </summary>
    public Value? HeartbeatExtendsTimeout { get; init; }

    /// <summary><c>target</c>: the executor to run the action on (a string, possibly an expression).</summary>
    public Value? Target { get; init; }

    /// <summary>The plain <c>publish</c> mapping (branch scope); empty when absent.</summary>
    public DictValue Publish { get; init; } = DictValue.Empty;

    /// <summary>The <c>publish-on-error</c> mapping; empty when absent.</summary>
    public DictValue PublishOnError { get; init; } = DictValue.Empty;

    /// <summary><c>join</c> (direct workflows), or null when the task does not join.</summary>
    public JoinSpec? Join { get; init; }

    /// <summary><c>requires</c> (reverse workflows), in order; empty when absent.</summary>
    public ImmutableArray<string> Requires { get; init; } = [];

    public OnClauseSpec? OnSuccess { get; init; }

    public OnClauseSpec? OnError { get; init; }

    public OnClauseSpec? OnComplete { get; init; }

    /// <summary>Where the task's name is written.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.Start;
}
