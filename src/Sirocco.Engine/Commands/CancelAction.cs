namespace Sirocco.Engine.Commands;

/// <summary>Ask the runner of a running action to stop it (the execution was cancelled or the task timed out).</summary>
public sealed record CancelAction(string ActionExecutionId, string ExecutionId) : EngineCommand;
