using System.Collections.Concurrent;

namespace Sirocco.Transport.Queues;

/// <summary>
/// Claims kept in memory, for the embedded result paths that have no database behind them: the first claimant
/// of a call holds it (and gets true again when it asks again), every other claimant loses.
/// </summary>
internal sealed class FirstClaimWins
{
    private readonly ConcurrentDictionary<string, string> _holders = new(StringComparer.Ordinal);
    private int _attempts;

    /// <summary>Claim attempts so far.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    public bool Claim(string actionExecutionId, string claimant)
    {
        ArgumentNullException.ThrowIfNull(actionExecutionId);
        ArgumentNullException.ThrowIfNull(claimant);
        Interlocked.Increment(ref _attempts);
        return string.Equals(_holders.GetOrAdd(actionExecutionId, claimant), claimant, StringComparison.Ordinal);
    }
}
