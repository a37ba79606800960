namespace Sirocco.Transport.RabbitMq;

/// <summary>
/// A runner's claims over RabbitMQ, for executors that have no database: each claim is a request on
/// <c>{prefix}.claims</c> that whichever engine takes it answers (<see cref="RabbitMqClaimServer"/>). No answer in
/// time throws <see cref="TimeoutException"/> and the runner asks again with the same claimant token, which wins
/// again if the first request was applied after all (an engine died after committing it, before answering).
/// </summary>
public sealed class RabbitMqActionClaims : IAsyncDisposable
{
    private readonly RabbitMqRequestClient _client;
    private readonly TimeSpan _timeout;

    /// <summary>Claims over <paramref name="connection"/>, each waiting up to <paramref name="timeout"/> (default 30 s) for an answer.</summary>
    public RabbitMqActionClaims(RabbitMqConnection connection, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _client = new RabbitMqRequestClient(connection, connection.Names.Claims);
        _timeout = timeout ?? TimeSpan.FromSeconds(30);
    }

    /// <summary>True when <paramref name="claimant"/> holds the call now; throws when no engine could answer.</summary>
    public async ValueTask<bool> ClaimAsync(string actionExecutionId, string claimant, CancellationToken cancellationToken = default)
    {
        var body = await _client.CallAsync(MessageCodec.Encode(new ActionClaimRequest(actionExecutionId, claimant)), _timeout, cancellationToken).ConfigureAwait(false);
        var reply = MessageCodec.TryDecode<ActionClaimReply>(body, out var error);
        return reply?.Claimed ?? throw new InvalidOperationException("The engine could not apply the claim: " + (reply?.Error ?? error ?? "no answer"));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _client.DisposeAsync();
}
