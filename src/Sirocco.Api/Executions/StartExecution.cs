using Sirocco.Persistence.Definitions;

namespace Sirocco.Api.Executions;

/// <summary>A start request, checked: the workflow exists and the input fits its signature.</summary>
/// <param name="Workflow">The stored workflow definition.</param>
/// <param name="InputJson">Input object as JSON text.</param>
/// <param name="ParamsJson">Params object (<c>env</c> resolved to an object, <c>namespace</c>, …) as JSON text.</param>
/// <param name="Description">Free text.</param>
/// <param name="SourceExecutionId">The execution this one copies, if any.</param>
public sealed record StartExecution(DefinitionRecord Workflow, string InputJson, string ParamsJson, string Description, string? SourceExecutionId);
