using System.Text.Json;
using Microsoft.Extensions.Logging;
using Sirocco.Engine.Events;
using Sirocco.Runtime.Durable;
using Sirocco.Transport.RabbitMq;

namespace Sirocco.Cli;

/// <summary>
/// An engine node's intake of API requests: apply each event through the durable runtime (under the
/// per-execution lock, committed with its outbox), answer, then acknowledge. Requests run concurrently up
/// to the consumer's prefetch. A redelivered start is a duplicate the runtime recognises; what cannot be
/// decoded is parked.
/// </summary>
internal sealed partial class EngineRequestPump(RabbitMqRequestServer server, DurableRuntime runtime, ILogger logger)
{
    private long _applied;

    /// <summary>Requests applied and answered by this node.</summary>
    public long Applied => Interlocked.Read(ref _applied);

    public async Task RunAsync(CancellationToken stopping)
    {
        using var slots = new SemaphoreSlim(32);
        while (!stopping.IsCancellationRequested)
        {
            EngineRequestDelivery delivery;
            try
            {
                delivery = await server.ReceiveAsync(stopping).ConfigureAwait(false);
                await slots.WaitAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(
                async () =>
                {
                    try
                    {
                        await HandleAsync(delivery, stopping).ConfigureAwait(false);
                    }
                    finally
                    {
                        slots.Release();
                    }
                },
                CancellationToken.None);
        }
    }

    private async Task HandleAsync(EngineRequestDelivery delivery, CancellationToken stopping)
    {
        EngineRequest request;
        EngineEvent @event;
        try
        {
            request = EngineRequest.Decode(delivery.Body);
            @event = request.ToEvent();
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            await delivery.ReplyAsync(new EngineReply { Error = "not an engine request: " + e.Message }.Encode(), stopping).ConfigureAwait(false);
            await delivery.NackAsync(requeue: false, stopping).ConfigureAwait(false);
            return;
        }

        EngineReply reply;
        try
        {
            var outcome = @event is ActionCompleted completed
                ? await runtime.CompleteActionAsync(completed.ExecutionId, completed.ActionExecutionId, completed.Outcome, stopping).ConfigureAwait(false)
                : await runtime.SubmitAsync(@event, request.Origin, stopping).ConfigureAwait(false);

            // A start redelivered after its first engine committed it comes back as a duplicate: for the API
            // node that sent it, it is applied.
            reply = new EngineReply { Outcome = (@event is StartWorkflow && outcome == EventOutcome.Duplicate ? EventOutcome.Applied : outcome).ToString() };
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return; // Not acknowledged: another engine takes it.
        }
        catch (Exception e)
        {
            LogRequestFailed(logger, request.Kind, request.ExecutionId, e);
            reply = new EngineReply { Error = e.Message };
        }

        await delivery.ReplyAsync(reply.Encode(), stopping).ConfigureAwait(false);
        await delivery.AckAsync(stopping).ConfigureAwait(false);
        Interlocked.Increment(ref _applied);
    }

    [LoggerMessage(EventId = 1150, Level = LogLevel.Error, Message = "Engine request {Kind} for execution {ExecutionId} failed")]
    private static partial void LogRequestFailed(ILogger logger, string kind, string executionId, Exception exception);
}
