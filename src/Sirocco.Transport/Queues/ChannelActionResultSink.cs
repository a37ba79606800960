using System.Threading.Channels;

namespace Sirocco.Transport.Queues;

/// <summary>
/// The embedded result path: results and heartbeats go into channels the engine side reads. With no database
/// behind it, claims are kept in memory: the first claimant of a call holds it.
/// </summary>
public sealed class ChannelActionResultSink : IActionResultSink
{
    private readonly Channel<ActionResultMessage> _results = Channel.CreateUnbounded<ActionResultMessage>();
    private readonly Channel<IReadOnlyCollection<string>> _heartbeats = Channel.CreateUnbounded<IReadOnlyCollection<string>>();
    private readonly FirstClaimWins _claims = new();

    /// <summary>Results in the order they were reported.</summary>
    public ChannelReader<ActionResultMessage> Results => _results.Reader;

    /// <summary>Heartbeat batches in the order they were sent.</summary>
    public ChannelReader<IReadOnlyCollection<string>> Heartbeats => _heartbeats.Reader;

    /// <summary>Claims asked for so far (won or lost).</summary>
    public int ClaimAttempts => _claims.Attempts;

    /// <inheritdoc />
    public ValueTask<bool> ClaimAsync(string actionExecutionId, string claimant, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_claims.Claim(actionExecutionId, claimant));

    /// <inheritdoc />
    public ValueTask ReportAsync(ActionResultMessage result, CancellationToken cancellationToken = default) =>
        _results.Writer.WriteAsync(result, cancellationToken);

    /// <inheritdoc />
    public ValueTask HeartbeatAsync(IReadOnlyCollection<string> actionExecutionIds, CancellationToken cancellationToken = default) =>
        _heartbeats.Writer.WriteAsync(actionExecutionIds, cancellationToken);
}
