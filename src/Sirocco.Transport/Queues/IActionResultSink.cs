namespace Sirocco.Transport.Queues;

/// <summary>Where runners report results and heartbeats (the engine's side of the queue).</summary>
public interface IActionResultSink
{
    /// <summary>Reports how one action call ended.</summary>
    ValueTask ReportAsync(ActionResultMessage result, CancellationToken cancellationToken = default);

    /// <summary>Says that these action executions are still running on a live runner.</summary>
    ValueTask HeartbeatAsync(IReadOnlyCollection<string> actionExecutionIds, CancellationToken cancellationToken = default);
}
