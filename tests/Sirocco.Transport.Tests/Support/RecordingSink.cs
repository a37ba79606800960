using System.Collections.Concurrent;
using Sirocco.Transport.Queues;

namespace Sirocco.Transport.Tests.Support;

/// <summary>
/// Stands in for the engine's runtime: records every result it is handed, duplicates included, and answers
/// claims as the database would (the first claimant of a call holds it).
/// </summary>
public sealed class RecordingSink : IActionResultSink
{
    private readonly ConcurrentDictionary<string, ActionResultMessage> _first = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _claims = new(StringComparer.Ordinal);
    private long _reports;

    public IReadOnlyDictionary<string, ActionResultMessage> Results => _first;

    public long Reports => Interlocked.Read(ref _reports);

    public IReadOnlyDictionary<string, string> Claims => _claims;

    public ValueTask<bool> ClaimAsync(string actionExecutionId, string claimant, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_claims.GetOrAdd(actionExecutionId, claimant) == claimant);

    public ValueTask ReportAsync(ActionResultMessage result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reports);
        _first.TryAdd(result.ActionExecutionId, result);
        return ValueTask.CompletedTask;
    }

    public ValueTask HeartbeatAsync(IReadOnlyCollection<string> actionExecutionIds, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}
