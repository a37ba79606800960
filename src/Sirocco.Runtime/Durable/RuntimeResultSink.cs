using Sirocco.Engine.Events;
using Sirocco.Expressions.Values;
using Sirocco.Transport.Queues;

namespace Sirocco.Runtime.Durable;

/// <summary>
/// Runners claim calls and report here. A claim returns once it is committed; a report returns only once the result is applied and committed, so a runner
/// that acknowledges its delivery afterwards can never lose a result; a repeated report is a
/// duplicate the engine ignores.
/// </summary>
internal sealed class RuntimeResultSink(DurableRuntime runtime) : IActionResultSink
{
    public Task ReportAsync(ActionResultMessage result, CancellationToken cancellationToken) => runtime.ApplyResultAsync(result, cancellationToken);

    ValueTask IActionResultSink.ReportAsync(ActionResultMessage result, CancellationToken cancellationToken) =>
        new(runtime.ApplyResultAsync(result, cancellationToken));

    public ValueTask<bool> ClaimAsync(string actionExecutionId, string claimant, CancellationToken cancellationToken = default) =>
        new(runtime.ClaimActionAsync(actionExecutionId, claimant, cancellationToken));

    public ValueTask HeartbeatAsync(IReadOnlyCollection<string> actionExecutionIds, CancellationToken cancellationToken = default) =>
        new(runtime.RecordHeartbeatsAsync(actionExecutionIds, cancellationToken));

    internal static ActionOutcome? ToOutcome(ActionResultMessage result)
    {
        var value = result.ValueJson is null ? Value.Null : JsonValues.Parse(result.ValueJson);
        return result.Kind switch
        {
            ActionResultKind.Success => ActionOutcome.Success(value),
            ActionResultKind.Error => ActionOutcome.Failure(value),
            ActionResultKind.Cancelled => ActionOutcome.Cancelled(value),
            _ => null,
        };
    }
}
