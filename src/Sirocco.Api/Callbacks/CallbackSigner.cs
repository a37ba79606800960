namespace Sirocco.Api.Callbacks;

/// <summary>
/// Issues and checks callback tokens (<see cref="CallbackToken"/>) with the configured key
/// (<c>--Callbacks:SigningKey</c>) or else the one kept in the database (<see cref="SqlCallbackKeyStore"/>).
/// </summary>
internal sealed class CallbackSigner(CallbackOptions options, SqlCallbackKeyStore keys, TimeProvider clock)
{
    /// <summary>A token for the action, valid for <see cref="CallbackOptions.TokenLifetime"/> from now.</summary>
    public async ValueTask<string> IssueAsync(string actionExecutionId, CancellationToken cancellationToken)
    {
        var key = await KeyAsync(cancellationToken).ConfigureAwait(false);
        return CallbackToken.Issue(key.Span, actionExecutionId, clock.GetUtcNow() + options.TokenLifetime);
    }

    public async ValueTask<bool> IsValidAsync(string actionExecutionId, string token, CancellationToken cancellationToken)
    {
        var key = await KeyAsync(cancellationToken).ConfigureAwait(false);
        return CallbackToken.IsValid(key.Span, actionExecutionId, token, clock.GetUtcNow());
    }

    private async ValueTask<ReadOnlyMemory<byte>> KeyAsync(CancellationToken cancellationToken) =>
        options.SigningKey ?? await keys.GetAsync(cancellationToken).ConfigureAwait(false);
}
