namespace Sirocco.Persistence.Execution;

/// <summary>
/// What the runtime knows about a new execution that the engine's row does not carry: which stored
/// definition it runs, in which namespace and project, and the YAML snapshot.
/// </summary>
/// <param name="WorkflowId">Definition id, if it came from the store.</param>
/// <param name="WorkflowNamespace">Namespace.</param>
/// <param name="DefinitionText">The YAML the execution runs.</param>
/// <param name="ProjectId">Owner.</param>
public sealed record ExecutionOrigin(string? WorkflowId, string WorkflowNamespace, string DefinitionText, string ProjectId = "<default-project>");
