namespace Sirocco.Engine.Events;

/// <summary>
/// The third party working on a delegate action reported that it is still at it (through the action's callback
/// URL). When the task says <c>heartbeat-extends-timeout</c>, its <c>timeout</c> starts again from now.
/// </summary>
public sealed record ActionHeartbeat(string ExecutionId, string ActionExecutionId) : EngineEvent(ExecutionId);
