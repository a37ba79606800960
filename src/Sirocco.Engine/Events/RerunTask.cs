using Sirocco.Expressions.Values;

namespace Sirocco.Engine.Events;

/// <summary>A request to run a failed task again (Mistral's task rerun).</summary>
/// <param name="ExecutionId">The execution holding the task.</param>
/// <param name="TaskExecutionId">The failed task execution.</param>
/// <param name="Reset">For with-items: true reruns every item, false only the failed ones.</param>
/// <param name="Env">Environment variables to update before rerunning.</param>
public sealed record RerunTask(string ExecutionId, string TaskExecutionId, bool Reset = true, DictValue? Env = null) : EngineEvent(ExecutionId);
