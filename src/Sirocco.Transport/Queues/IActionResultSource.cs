namespace Sirocco.Transport.Queues;

/// <summary>
/// The engine's side of the result path: results and heartbeats reported by runners, delivered at least
/// once. A receiver acknowledges a delivery only after it has stored what the delivery says, so a result
/// survives the crash of the engine node that was handling it.
/// </summary>
public interface IActionResultSource
{
    /// <summary>Waits for the next result or heartbeat.</summary>
    ValueTask<IActionResultDelivery> ReceiveAsync(CancellationToken cancellationToken);
}
