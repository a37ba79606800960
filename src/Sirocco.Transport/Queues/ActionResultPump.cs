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
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        using var slots = new SemaphoreSlim(concurrency);
        var inFlight = new List<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                IActionResultDelivery delivery;
                try
                {
                    delivery = await source.ReceiveAsync(stoppingToken).ConfigureAwait(false);
                }
                catch
                {
                    slots.Release();
                    throw;
                }

                inFlight.RemoveAll(t => t.IsCompleted);
                inFlight.Add(ApplyAsync(delivery, slots, stoppingToken));
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping, or the source was closed under us (its connection disposed): either way the end.
            // What was received and not applied is handed back by the source's owner.
        }
        finally
        {
            await Task.WhenAll(inFlight).ConfigureAwait(false);
        }
    }

    private async Task ApplyAsync(IActionResultDelivery delivery, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        await Task.Yield();
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
        finally
        {
            slots.Release();
        }
    }
}
