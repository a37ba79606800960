using System.Collections.Concurrent;
using Sirocco.Transport.Queues;

namespace Sirocco.Cli;

/// <summary>An executor's results on their way to the broker, counted by kind for <c>/metrics</c>.</summary>
internal sealed class CountingResultSink(IActionResultSink inner) : IActionResultSink
{
    private readonly ConcurrentDictionary<ActionResultKind, long> _reported = new();

    /// <summary>Results reported (and confirmed by the broker) so far, by kind.</summary>
    public IReadOnlyDictionary<ActionResultKind, long> Reported => _reported;

    public ValueTask<bool> ClaimAsync(string actionExecutionId, string claimant, CancellationToken cancellationToken = default) =>
        inner.ClaimAsync(actionExecutionId, claimant, cancellationToken);

    public async ValueTask ReportAsync(ActionResultMessage result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        await inner.ReportAsync(result, cancellationToken).ConfigureAwait(false);
        _reported.AddOrUpdate(result.Kind, 1, static (_, n) => n + 1);
    }

    public ValueTask HeartbeatAsync(IReadOnlyCollection<string> actionExecutionIds, CancellationToken cancellationToken = default) =>
        inner.HeartbeatAsync(actionExecutionIds, cancellationToken);
}
