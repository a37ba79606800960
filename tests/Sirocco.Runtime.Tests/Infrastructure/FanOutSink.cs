using Sirocco.Transport.Queues;

namespace Sirocco.Runtime.Tests.Infrastructure;

/// <summary>Reports every result to several runtimes at once: the same event reaches two servers concurrently.</summary>
internal sealed class FanOutSink(Func<IReadOnlyList<IActionResultSink>> sinks) : IActionResultSink
{
    // One database behind both runtimes: the first one claims for all.
    public ValueTask<bool> ClaimAsync(string actionExecutionId, string claimant, CancellationToken cancellationToken = default) =>
        sinks()[0].ClaimAsync(actionExecutionId, claimant, cancellationToken);

    public async ValueTask ReportAsync(ActionResultMessage result, CancellationToken cancellationToken = default) =>
        await Task.WhenAll(sinks().Select(s => s.ReportAsync(result, cancellationToken).AsTask()));

    public ValueTask HeartbeatAsync(IReadOnlyCollection<string> actionExecutionIds, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}
