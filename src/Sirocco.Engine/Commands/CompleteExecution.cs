using Sirocco.Engine.State;

namespace Sirocco.Engine.Commands;

/// <summary>
/// The execution has reached SUCCESS, ERROR or CANCELLED (waiters, CLI and API may return). Its output is on the
/// execution, not here: the command is stored in the outbox, and an output can be as large as the whole context.
/// </summary>
public sealed record CompleteExecution(string ExecutionId, ExecutionState State, string? StateInfo) : EngineCommand;
