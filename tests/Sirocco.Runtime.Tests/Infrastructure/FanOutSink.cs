using Sirocco.Transport.Queues;

namespace Sirocco.Runtime.Tests.Infrastructure;

/// <summary>Reports every result to several runtimes at once: the same event reaches two servers concurrently.</summary>
internal sealed class FanOutSink(Func<IReadOnlyList<IActionResultSink>> sinks) : IActionResultSink
{
    public async ValueTask ReportAsync(ActionResultMessage result, CancellationToken cancellationToken = default) =>
        await Task.WhenAll(sinks().Select(s => s.ReportAsync(result, cancellationToken).AsTask()));

    public ValueTask HeartbeatAsync(IReadOnlyCollection<string> actionExecutionIds, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}
