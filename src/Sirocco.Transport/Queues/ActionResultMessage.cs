namespace Sirocco.Transport.Queues;

/// <summary>A runner's report of one action call, serializable with System.Text.Json.</summary>
/// <param name="ActionExecutionId">The action execution the result belongs to.</param>
/// <param name="Kind">How the call ended.</param>
/// <param name="ValueJson">The output (success) or error as JSON text; null when pending or cancelled.</param>
public sealed record ActionResultMessage(string ActionExecutionId, ActionResultKind Kind, string? ValueJson);
