using Microsoft.AspNetCore.Http;
using Sirocco.Api.Hosting;
using Sirocco.Api.Http;
using Sirocco.Engine.Events;
using Sirocco.Persistence.Execution;
using Sirocco.Runtime.Durable;
using Sirocco.Transport.RabbitMq;

namespace Sirocco.Cli;

/// <summary>
/// An API-only node's way to the engines: each event goes over RabbitMQ (confirmed, persistent) to whichever
/// engine takes it, and the API answers with the engine's outcome. The request is durable from the broker's
/// confirm on; if no engine answers in time the client gets 503 while the request stays queued.
/// </summary>
internal sealed class RemoteEventGateway(RabbitMqRequestClient client, TimeSpan timeout) : IEventGateway
{
    public Task<EventOutcome> SubmitAsync(EngineEvent @event, ExecutionOrigin? origin, CancellationToken cancellationToken) =>
        CallAsync(EngineRequest.Encode(@event, origin), cancellationToken);

    public Task<EventOutcome> CompleteActionAsync(string executionId, string actionExecutionId, ActionOutcome outcome, CancellationToken cancellationToken) =>
        CallAsync(EngineRequest.Encode(new ActionCompleted(executionId, actionExecutionId, outcome), null), cancellationToken);

    private async Task<EventOutcome> CallAsync(byte[] body, CancellationToken cancellationToken)
    {
        EngineReply reply;
        try
        {
            reply = EngineReply.Decode(await client.CallAsync(body, timeout, cancellationToken).ConfigureAwait(false));
        }
        catch (TimeoutException)
        {
            throw new ApiException(StatusCodes.Status503ServiceUnavailable,
                $"No engine answered within {timeout.TotalSeconds:0} s; the request is queued and will be applied when an engine takes it.");
        }

        if (reply.Error is not null || !Enum.TryParse<EventOutcome>(reply.Outcome, out var outcome))
        {
            throw new ApiException(StatusCodes.Status500InternalServerError, "The engine could not apply the request: " + (reply.Error ?? $"unknown outcome '{reply.Outcome}'"));
        }

        return outcome;
    }
}
