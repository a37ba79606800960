namespace Sirocco.Persistence.Executions;

/// <summary>
/// The variables a workflow execution holds itself: its evaluated <c>vars</c> and the values tasks published
/// with the <c>global</c> scope, one JSON object (Mistral keeps both in the execution's <c>context</c>), with the
/// definition snapshot that tells the two apart.
/// </summary>
/// <param name="ContextJson">The variables as a JSON object.</param>
/// <param name="DefinitionText">The YAML the execution runs, or null for a row written without one.</param>
/// <param name="WorkflowName">The workflow run, to find it in <paramref name="DefinitionText"/>.</param>
public sealed record ExecutionVariablesRecord(string ContextJson, string? DefinitionText, string WorkflowName);
