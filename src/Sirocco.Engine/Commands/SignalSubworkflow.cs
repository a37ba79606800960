using Sirocco.Engine.Events;

namespace Sirocco.Engine.Commands;

/// <summary>
/// Forward a lifecycle request (pause, resume, cancel) to a running sub-workflow: the runtime delivers
/// <see cref="Event"/> to the child execution.
/// </summary>
public sealed record SignalSubworkflow(string ChildExecutionId, EngineEvent Event) : EngineCommand;
