namespace Sirocco.Api.Auth;

/// <summary>One API key as stored: its public id, the hash of the whole key, what it may do and for how long.</summary>
/// <param name="Id">Public id (the 16 hex digits after <c>sk_</c>).</param>
/// <param name="KeyHash">SHA-256 of the whole key text, lower-case hex.</param>
/// <param name="Scope">What the key may do.</param>
/// <param name="ProjectId">The project whose resources the key sees and creates.</param>
/// <param name="Description">Free text for the operator.</param>
/// <param name="CreatedAt">Creation time.</param>
/// <param name="ExpiresAt">End of validity; null never expires.</param>
/// <param name="RevokedAt">When it was revoked; null while valid.</param>
public sealed record StoredApiKey(
    string Id,
    string KeyHash,
    ApiKeyScope Scope,
    string ProjectId,
    string? Description,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt)
{
    /// <summary>Usable at <paramref name="now"/>: not revoked and not expired.</summary>
    public bool IsValidAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is not { } expires || now < expires);
}
