namespace Sirocco.Transport.RabbitMq;

/// <summary>A runner's claim of a call, as it travels to the engines (JSON).</summary>
internal sealed record ActionClaimRequest(string ActionExecutionId, string Claimant);

/// <summary>An engine's answer to a claim: whether the claimant holds the call, or why the claim could not be applied.</summary>
internal sealed record ActionClaimReply(bool? Claimed, string? Error);
