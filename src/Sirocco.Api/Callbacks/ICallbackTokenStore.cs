namespace Sirocco.Api.Callbacks;

/// <summary>
/// Hashes of the callback tokens handed out. An action may hold several (a re-sent dispatch issues a new
/// one and the old URL keeps working); all stay until they expire, so a repeated completion is still answered.
/// </summary>
internal interface ICallbackTokenStore
{
    Task AddAsync(StoredCallbackToken token, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredCallbackToken>> ListAsync(string actionExecutionId, CancellationToken cancellationToken);

    /// <summary>Records a heartbeat of the third party working on the action; returns false when the action has no token.</summary>
    Task<bool> TouchAsync(string actionExecutionId, DateTimeOffset now, CancellationToken cancellationToken);
}
