namespace Sirocco.Persistence.Execution;

/// <summary>
/// What the runtime knows about a new execution that the engine's row does not carry: which stored
/// definition it runs, in which namespace and project, and the YAML snapshot.
/// </summary>
/// <param name="WorkflowName">The workflow of the YAML to run (full or short name for a workbook's).</param>
/// <param name="WorkflowId">Definition id, if it came from the store.</param>
/// <param name="WorkflowNamespace">Namespace.</param>
/// <param name="DefinitionText">The YAML the execution runs.</param>
/// <param name="ProjectId">Owner.</param>
public sealed record ExecutionOrigin(string WorkflowName, string? WorkflowId, string WorkflowNamespace, string DefinitionText, string ProjectId = "<default-project>");
