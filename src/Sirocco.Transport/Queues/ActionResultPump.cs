namespace Sirocco.Transport.Queues;

/// <summary>
/// The engine role's end of the result path: takes results and heartbeats from an
/// <see cref="IActionResultSource"/> (a broker queue shared by every engine node) and hands them to the
/// local runtime's <see cref="IActionResultSink"/>, which returns once the result is committed. Only then
/// is the delivery acknowledged, so a result survives the death of the engine that was applying it;
/// a result that could not be applied goes back to the queue for this or another engine.
/// </summary>
public sealed class ActionResultPump(IActionResultSource source, IActionResultSink target, int concurrency = 8)
{
    private long _applied;
    private long _failed;

    /// <summary>Results and heartbeats applied and acknowledged.</summary>
    public long Applied => Interlocked.Read(ref _applied);

    /// <summary>Deliveries the target refused and that went back to the queue.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>
    /// Pumps until <paramref name="stoppingToken"/> fires, applying up to <c>concurrency</c> deliveries at
    /// once (the runtime orders events per execution with its own lock, so parallel results are safe).
    /// </summary>
    public Task RunAsync(CancellationToken stoppingToken) =>
        BoundedConsumer.RunAsync(source.ReceiveAsync, delivery => ApplyAsync(delivery, stoppingToken), concurrency, stoppingToken);

    private async Task ApplyAsync(IActionResultDelivery delivery, CancellationToken stoppingToken)
    {
        try
        {
            if (delivery.Result is { } result)
            {
                await target.ReportAsync(result, stoppingToken).ConfigureAwait(false);
            }
            else
            {
                await target.HeartbeatAsync(delivery.HeartbeatIds, stoppingToken).ConfigureAwait(false);
            }

            await delivery.AckAsync(CancellationToken.None).ConfigureAwait(false);
            Interlocked.Increment(ref _applied);
        }
#pragma warning disable CA1031 // Any failure of the target must hand the delivery back, not kill the pump.
        catch (Exception)
#pragma warning restore CA1031
        {
            Interlocked.Increment(ref _failed);
            await delivery.NackAsync(requeue: true, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
