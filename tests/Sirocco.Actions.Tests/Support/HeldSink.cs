using System.Collections.Concurrent;
using Sirocco.Transport.Queues;

namespace Sirocco.Actions.Tests.Support;

/// <summary>A sink whose reports do not return until the test releases them, as an engine busy storing would.</summary>
internal sealed class HeldSink : IActionResultSink
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _releases = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> Entered { get; } = new();

    public ConcurrentQueue<string> Returned { get; } = new();

    public async ValueTask ReportAsync(ActionResultMessage result, CancellationToken cancellationToken = default)
    {
        Entered.Enqueue(result.ActionExecutionId);
        await Gate(result.ActionExecutionId).Task.WaitAsync(cancellationToken);
        Returned.Enqueue(result.ActionExecutionId);
    }

    public void Release(string actionExecutionId) => Gate(actionExecutionId).TrySetResult();

    public ValueTask<bool> ClaimAsync(string actionExecutionId, string claimant, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(true);

    public ValueTask HeartbeatAsync(IReadOnlyCollection<string> actionExecutionIds, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;

    private TaskCompletionSource Gate(string id) =>
        _releases.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
