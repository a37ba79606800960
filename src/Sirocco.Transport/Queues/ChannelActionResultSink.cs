using System.Threading.Channels;

namespace Sirocco.Transport.Queues;

/// <summary>The embedded result path: results and heartbeats go into channels the engine side reads.</summary>
public sealed class ChannelActionResultSink : IActionResultSink
{
    private readonly Channel<ActionResultMessage> _results = Channel.CreateUnbounded<ActionResultMessage>();
    private readonly Channel<IReadOnlyCollection<string>> _heartbeats = Channel.CreateUnbounded<IReadOnlyCollection<string>>();

    /// <summary>Results in the order they were reported.</summary>
    public ChannelReader<ActionResultMessage> Results => _results.Reader;

    /// <summary>Heartbeat batches in the order they were sent.</summary>
    public ChannelReader<IReadOnlyCollection<string>> Heartbeats => _heartbeats.Reader;

    /// <inheritdoc />
    public ValueTask ReportAsync(ActionResultMessage result, CancellationToken cancellationToken = default) =>
        _results.Writer.WriteAsync(result, cancellationToken);

    /// <inheritdoc />
    public ValueTask HeartbeatAsync(IReadOnlyCollection<string> actionExecutionIds, CancellationToken cancellationToken = default) =>
        _heartbeats.Writer.WriteAsync(actionExecutionIds, cancellationToken);
}
