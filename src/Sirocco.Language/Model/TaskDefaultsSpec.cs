using System.Collections.Immutable;
using Sirocco.Expressions.Values;

namespace Sirocco.Language.Model;

/// <summary>
/// A workflow's <c>task-defaults</c>: policies and transitions every task inherits unless it sets its own.
/// Mistral allows the same keys in direct and reverse workflows (transitions only matter to direct ones,
/// <c>requires</c> only to reverse ones). Raw values stay unevaluated.
/// </summary>
public sealed record TaskDefaultsSpec
{
    public RetrySpec? Retry { get; init; }

    public Value? WaitBefore { get; init; }

    public Value? WaitAfter { get; init; }

    public Value? Timeout { get; init; }

    public Value? PauseBefore { get; init; }

    public Value? Concurrency { get; init; }

    public Value? FailOn { get; init; }

    public Value? SafeRerun { get; init; }

    /// <summary>
    /// <c>heartbeat-extends-timeout</c> (a Sirocco extension; a bool or an expression): each heartbeat of the
    /// task's running delegate action restarts its <c>timeout</c>, so only silence for that long fails it.
    /// </summary>
    public Value? HeartbeatExtendsTimeout { get; init; }

    public OnClauseSpec? OnSuccess { get; init; }

    public OnClauseSpec? OnError { get; init; }

    public OnClauseSpec? OnComplete { get; init; }

    public ImmutableArray<string> Requires { get; init; } = [];

    public SourceLocation Location { get; init; } = SourceLocation.Start;
}
