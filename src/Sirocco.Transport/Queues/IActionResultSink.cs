namespace Sirocco.Transport.Queues;

/// <summary>Where runners claim calls and report results and heartbeats (the engine's side of the queue).</summary>
public interface IActionResultSink
{
    /// <summary>
    /// Claims a call before starting it (see <see cref="RunActionRequest.ClaimRequired"/>): true when
    /// <paramref name="claimant"/> holds the claim, so it alone may start the call; false when another runner
    /// claimed it first or the call is no longer running. A claimant that asks again (its first answer was
    /// lost) gets true again. Throws when the engine side cannot be reached; the runner retries.
    /// </summary>
    ValueTask<bool> ClaimAsync(string actionExecutionId, string claimant, CancellationToken cancellationToken = default);

    /// <summary>Reports how one action call ended.</summary>
    ValueTask ReportAsync(ActionResultMessage result, CancellationToken cancellationToken = default);

    /// <summary>Says that these action executions are still running on a live runner.</summary>
    ValueTask HeartbeatAsync(IReadOnlyCollection<string> actionExecutionIds, CancellationToken cancellationToken = default);
}
