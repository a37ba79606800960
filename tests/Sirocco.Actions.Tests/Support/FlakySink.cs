using Sirocco.Transport.Queues;

namespace Sirocco.Actions.Tests.Support;

/// <summary>A result sink whose first report fails, as when the engine side is briefly unreachable.</summary>
internal sealed class FlakySink : IActionResultSink
{
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    public TaskCompletionSource<ActionResultMessage> Reported { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ValueTask ReportAsync(ActionResultMessage result, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Increment(ref _attempts) == 1)
        {
            throw new IOException("engine unreachable");
        }

        Reported.TrySetResult(result);
        return ValueTask.CompletedTask;
    }

    public ValueTask HeartbeatAsync(IReadOnlyCollection<string> actionExecutionIds, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;
}
