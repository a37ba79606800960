namespace Sirocco.Api.Callbacks;

/// <summary>One issued callback token of an action execution, as stored (hash only).</summary>
internal sealed record StoredCallbackToken(string ActionExecutionId, string TokenHash, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);
