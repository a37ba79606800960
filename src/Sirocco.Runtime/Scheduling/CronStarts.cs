using System.Text.Json;
using System.Text.Json.Nodes;
using Sirocco.Engine.Events;
using Sirocco.Expressions.Values;
using Sirocco.Persistence;
using Sirocco.Persistence.CronTriggers;
using Sirocco.Persistence.Definitions;
using Sirocco.Persistence.Execution;

namespace Sirocco.Runtime.Scheduling;

/// <summary>
/// Turns a trigger into the start of its workflow as the API would start it: the definition text the
/// runtime parses (a workbook's workflow runs with its whole workbook), the trigger's input and params
/// with the namespace set and a named <c>env</c> resolved, and Mistral's description naming the trigger.
/// </summary>
internal sealed class CronStarts(ISiroccoStore store)
{
    /// <summary>The start event and origin, or a problem (workflow or environment gone) and no event.</summary>
    public async Task<CronStart> PrepareAsync(CronTriggerRecord trigger, string executionId, CancellationToken cancellationToken)
    {
        var parameters = JsonNode.Parse(trigger.WorkflowParamsJson) as JsonObject ?? [];
        var ns = parameters["namespace"] is JsonValue nsValue && nsValue.GetValueKind() == JsonValueKind.String ? nsValue.GetValue<string>() : string.Empty;
        var workflow = await store.Definitions.GetAsync(DefinitionKind.Workflow, trigger.WorkflowId ?? trigger.WorkflowName, ns, cancellationToken).ConfigureAwait(false)
            ?? await store.Definitions.GetAsync(DefinitionKind.Workflow, trigger.WorkflowName, ns, cancellationToken).ConfigureAwait(false);
        if (workflow is null)
        {
            return CronStart.Refused($"workflow '{trigger.WorkflowName}' not found");
        }

        parameters["namespace"] = workflow.Namespace;
        switch (parameters["env"])
        {
            case JsonValue envName when envName.GetValueKind() == JsonValueKind.String:
                var name = envName.GetValue<string>();
                var env = await store.Environments.GetAsync(name, cancellationToken).ConfigureAwait(false);
                if (env is null)
                {
                    return CronStart.Refused($"environment '{name}' not found");
                }

                parameters["env"] = JsonNode.Parse(env.VariablesJson) as JsonObject ?? [];
                break;
            case null:
                parameters["env"] = new JsonObject();
                break;
        }

        var origin = new ExecutionOrigin(workflow.Name, workflow.Id, workflow.Namespace, await DefinitionTextAsync(workflow, cancellationToken).ConfigureAwait(false), workflow.ProjectId);
        var start = new StartWorkflow(executionId, Dict(trigger.WorkflowInputJson), Dict(parameters.ToJsonString()), Description(trigger));
        return new CronStart(start, origin, null);
    }

    /// <summary>Mistral stores this JSON text as the description of executions its cron triggers start.</summary>
    private static string Description(CronTriggerRecord trigger) => new JsonObject
    {
        ["description"] = $"Workflow execution created by cron trigger '({trigger.Id})'.",
        ["triggered_by"] = new JsonObject { ["type"] = "cron_trigger", ["id"] = trigger.Id, ["name"] = trigger.Name },
    }.ToJsonString();

    // Same rule as the API's start: the runtime parses the whole workbook of a workbook workflow, and a
    // workflow cut from a file of several gets its version line back.
    private async Task<string> DefinitionTextAsync(DefinitionRecord workflow, CancellationToken cancellationToken)
    {
        if (workflow.WorkbookName is { } workbookName
            && await store.Definitions.GetAsync(DefinitionKind.Workbook, workbookName, workflow.Namespace, cancellationToken).ConfigureAwait(false) is { } workbook)
        {
            return workbook.Definition;
        }

        return workflow.Definition.Contains("version:", StringComparison.Ordinal)
            ? workflow.Definition
            : "---\nversion: '2.0'\n\n" + workflow.Definition;
    }

    private static DictValue Dict(string json) => JsonValues.Parse(json) as DictValue ?? DictValue.Empty;
}
