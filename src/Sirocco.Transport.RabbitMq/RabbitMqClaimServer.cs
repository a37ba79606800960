using Microsoft.Extensions.Logging;
using Sirocco.Transport.Queues;

namespace Sirocco.Transport.RabbitMq;

/// <summary>
/// An engine node's answer to runners' claims (<see cref="RabbitMqActionClaims"/>): applies each through the
/// given claim function (the durable runtime's, a committed conditional update), answers, then acknowledges, so
/// a claim survives an engine that dies half-way (another engine applies it again; the same claimant wins again).
/// </summary>
public sealed partial class RabbitMqClaimServer : IAsyncDisposable
{
    private readonly RabbitMqRequestServer _server;
    private readonly Func<string, string, CancellationToken, Task<bool>> _claim;
    private readonly ILogger _logger;
    private readonly int _concurrency;
    private long _answered;

    /// <summary>Serves claims with <paramref name="claim"/>, up to <paramref name="concurrency"/> at once.</summary>
    public RabbitMqClaimServer(RabbitMqConnection connection, Func<string, string, CancellationToken, Task<bool>> claim, int concurrency = 16)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        _claim = claim ?? throw new ArgumentNullException(nameof(claim));
        _server = new RabbitMqRequestServer(connection, connection.Names.Claims);
        _logger = connection.LoggerFactory.CreateLogger<RabbitMqClaimServer>();
        _concurrency = concurrency;
    }

    /// <summary>Claims answered by this node.</summary>
    public long Answered => Interlocked.Read(ref _answered);

    /// <summary>Serves until <paramref name="stopping"/> fires; claims not answered by then go to another engine.</summary>
    public Task RunAsync(CancellationToken stopping) =>
        BoundedConsumer.RunAsync(_server.ReceiveAsync, delivery => AnswerAsync(delivery, stopping), _concurrency, stopping);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task AnswerAsync(EngineRequestDelivery delivery, CancellationToken stopping)
    {
        try
        {
            var request = MessageCodec.TryDecode<ActionClaimRequest>(delivery.Body, out var error);
            if (request is null || string.IsNullOrEmpty(request.ActionExecutionId) || string.IsNullOrEmpty(request.Claimant))
            {
                await delivery.ReplyAsync(MessageCodec.Encode(new ActionClaimReply(null, "not a claim: " + (error ?? "no action execution id or claimant"))), stopping).ConfigureAwait(false);
                await delivery.NackAsync(requeue: false, stopping).ConfigureAwait(false);
                return;
            }

            ActionClaimReply reply;
            try
            {
                reply = new ActionClaimReply(await _claim(request.ActionExecutionId, request.Claimant, stopping).ConfigureAwait(false), null);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stopping.IsCancellationRequested)
            {
                LogClaimFailed(_logger, request.ActionExecutionId, e);
                reply = new ActionClaimReply(null, e.Message);
            }

            await delivery.ReplyAsync(MessageCodec.Encode(reply), stopping).ConfigureAwait(false);
            await delivery.AckAsync(stopping).ConfigureAwait(false);
            Interlocked.Increment(ref _answered);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Not acknowledged: another engine answers it.
        }
#pragma warning disable CA1031 // A broken channel must not end the server; the broker redelivers the claim.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogClaimFailed(_logger, "(delivery)", e);
        }
    }

    [LoggerMessage(EventId = 1107, Level = LogLevel.Error, Message = "Claim of action execution {ActionExecutionId} failed")]
    private static partial void LogClaimFailed(ILogger logger, string actionExecutionId, Exception exception);
}
