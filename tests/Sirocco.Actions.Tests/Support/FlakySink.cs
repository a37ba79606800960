using Sirocco.Transport.Queues;

namespace Sirocco.Actions.Tests.Support;

/// <summary>A result sink whose first reports (and claims) fail, as when the engine side is briefly unreachable.</summary>
internal sealed class FlakySink(int failures, int claimFailures = 0) : IActionResultSink
{
    private int _attempts;
    private int _claimAttempts;

    public int ClaimAttempts => Volatile.Read(ref _claimAttempts);

    public int Attempts => Volatile.Read(ref _attempts);

    public TaskCompletionSource<ActionResultMessage> Reported { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ValueTask<bool> ClaimAsync(string actionExecutionId, string claimant, CancellationToken cancellationToken = default) =>
        Interlocked.Increment(ref _claimAttempts) <= claimFailures ? throw new IOException("engine unreachable") : ValueTask.FromResult(true);

    public ValueTask ReportAsync(ActionResultMessage result, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Increment(ref _attempts) <= failures)
        {
            throw new IOException("engine unreachable");
        }

        Reported.TrySetResult(result);
        return ValueTask.CompletedTask;
    }

    public ValueTask HeartbeatAsync(IReadOnlyCollection<string> actionExecutionIds, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;
}
