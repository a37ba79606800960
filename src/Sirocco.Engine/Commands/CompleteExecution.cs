using Sirocco.Engine.State;
using Sirocco.Expressions.Values;

namespace Sirocco.Engine.Commands;

/// <summary>The execution has reached SUCCESS, ERROR or CANCELLED (waiters, CLI and API may return).</summary>
public sealed record CompleteExecution(string ExecutionId, ExecutionState State, string? StateInfo, DictValue Output) : EngineCommand;
