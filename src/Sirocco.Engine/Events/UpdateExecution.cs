using Sirocco.Expressions.Values;

namespace Sirocco.Engine.Events;

/// <summary>
/// A change of an execution's <c>description</c> and/or environment without a change of state
/// (<c>PUT /v2/executions/{id}</c> with only those fields). As in Mistral the environment may change only
/// while nothing runs (IDLE, PAUSED or ERROR); the new variables merge over the old ones.
/// </summary>
/// <param name="ExecutionId">The execution to change.</param>
/// <param name="Description">The new description, or null to keep it.</param>
/// <param name="Env">Variables to merge into <c>params.env</c>, or null to keep it.</param>
public sealed record UpdateExecution(string ExecutionId, string? Description, DictValue? Env) : EngineEvent(ExecutionId);
