using System.Collections.Concurrent;
using Sirocco.Language;
using Sirocco.Persistence;

namespace Sirocco.Api.Executions;

/// <summary>
/// An execution's <c>published_global</c>: the values its tasks published with the <c>global</c> scope. Mistral
/// keeps them in the execution's context together with the evaluated <c>vars</c> and shows the context without the
/// names the workflow declares under <c>vars</c> (so a global that reuses a var's name is hidden, as there).
/// </summary>
internal static class PublishedGlobal
{
    private const int MaxCachedDefinitions = 256;

    // Internal keys Mistral also leaves out.
    private static readonly string[] Internal = ["__execution", "openstack"];

    private static readonly ConcurrentDictionary<(string Definition, string Workflow), string[]> VarNames = new();

    /// <summary>The JSON text of the object, <c>{}</c> when there is nothing (or no such execution).</summary>
    public static async Task<string> ComputeAsync(ISiroccoStore store, string executionId, CancellationToken cancellationToken)
    {
        var variables = await store.Executions.GetExecutionVariablesAsync(executionId, cancellationToken);
        if (variables is null || JsonNode.Parse(variables.ContextJson) is not JsonObject { Count: > 0 } context)
        {
            return "{}";
        }

        var excluded = new HashSet<string>(Internal, StringComparer.Ordinal);
        excluded.UnionWith(DeclaredVars(variables.DefinitionText, variables.WorkflowName));
        var published = new JsonObject();
        foreach (var (name, value) in context)
        {
            if (!excluded.Contains(name))
            {
                published[name] = value?.DeepClone();
            }
        }

        return published.ToJsonString();
    }

    private static string[] DeclaredVars(string? definition, string workflowName)
    {
        if (definition is null)
        {
            return [];
        }

        if (VarNames.Count >= MaxCachedDefinitions)
        {
            VarNames.Clear();
        }

        return VarNames.GetOrAdd((definition, workflowName), static key =>
        {
            var document = WorkflowParser.Parse(key.Definition).Document;
            var name = key.Workflow;
            var workflow = document?.FindWorkflow(name)
                ?? (name.Contains('.', StringComparison.Ordinal) ? document?.FindWorkflow(name[(name.LastIndexOf('.') + 1)..]) : null);
            return workflow is null ? [] : [.. workflow.Vars.Select(v => v.Key.ToText())];
        });
    }
}
