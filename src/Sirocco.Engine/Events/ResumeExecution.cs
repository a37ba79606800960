using Sirocco.Expressions.Values;

namespace Sirocco.Engine.Events;

/// <summary>A request to resume a paused execution, optionally with an updated environment.</summary>
public sealed record ResumeExecution(string ExecutionId, DictValue? Env = null) : EngineEvent(ExecutionId);
