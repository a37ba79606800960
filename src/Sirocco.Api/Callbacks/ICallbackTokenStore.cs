namespace Sirocco.Api.Callbacks;

/// <summary>
/// Hashes of the callback tokens handed out. An action may hold several (a re-sent dispatch issues a new
/// one and the old URL keeps working); all stay valid until they expire or their action ends (then they are revoked
/// after a short grace that still answers a repeated completion).
/// </summary>
internal interface ICallbackTokenStore
{
    Task AddAsync(StoredCallbackToken token, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredCallbackToken>> ListAsync(string actionExecutionId, CancellationToken cancellationToken);

    /// <summary>Makes every token of the action expire at <paramref name="until"/> at the latest.</summary>
    Task RevokeAsync(string actionExecutionId, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Records a heartbeat of the third party working on the action; returns false when the action has no token.</summary>
    Task<bool> TouchAsync(string actionExecutionId, DateTimeOffset now, CancellationToken cancellationToken);
}
