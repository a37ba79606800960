namespace Sirocco.Transport.Queues;

/// <summary>One delivery on the result path: either a result or a heartbeat batch.</summary>
public interface IActionResultDelivery
{
    /// <summary>The result, or null when this delivery is a heartbeat.</summary>
    ActionResultMessage? Result { get; }

    /// <summary>The action executions a heartbeat vouches for; empty when this delivery is a result.</summary>
    IReadOnlyCollection<string> HeartbeatIds { get; }

    /// <summary>True when this was delivered before and not acknowledged (the receiver died).</summary>
    bool Redelivered { get; }

    /// <summary>Removes the delivery for good.</summary>
    ValueTask AckAsync(CancellationToken cancellationToken = default);

    /// <summary>Gives the delivery back; with <paramref name="requeue"/> it is delivered again, else dropped.</summary>
    ValueTask NackAsync(bool requeue, CancellationToken cancellationToken = default);
}
