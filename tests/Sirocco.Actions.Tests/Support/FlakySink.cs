using Sirocco.Transport.Queues;

namespace Sirocco.Actions.Tests.Support;

/// <summary>A result sink whose first reports fail, as when the engine side is briefly unreachable.</summary>
internal sealed class FlakySink(int failures) : IActionResultSink
{
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    public TaskCompletionSource<ActionResultMessage> Reported { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

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
