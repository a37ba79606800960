using Sirocco.Api.Http;
using Sirocco.Api.Listing;
using Sirocco.Persistence.Executions;

namespace Sirocco.Api.Executions;

/// <summary>Executions, tasks and action executions as Mistral's REST resources show them (nested data as JSON strings).</summary>
internal static class ExecutionJson
{
    public static readonly ResourceFields ExecutionFields = ResourceFields.Of(
        "id workflow_id workflow_name workflow_namespace description tags params task_execution_id root_execution_id source_execution_id state state_info input output created_at updated_at project_id published_global",
        "id workflow_name workflow_id workflow_namespace state description task_execution_id root_execution_id project_id created_at updated_at",
        "id workflow_name workflow_id workflow_namespace state description task_execution_id root_execution_id project_id tags created_at updated_at");

    public static readonly ResourceFields TaskFields = ResourceFields.Of(
        "id name type workflow_name workflow_namespace workflow_id workflow_execution_id tags state state_info project_id runtime_context result published published_global processed created_at updated_at started_at finished_at",
        "id name type workflow_execution_id workflow_name workflow_id state processed project_id created_at updated_at");

    public static readonly ResourceFields ActionExecutionFields = ResourceFields.Of(
        "id workflow_name workflow_namespace task_name task_execution_id state state_info tags name description project_id accepted input output params created_at updated_at",
        "id name task_execution_id task_name workflow_name state accepted project_id created_at updated_at");

    /// <summary>An execution; <paramref name="publishedGlobalJson"/> (single get only, as Mistral) adds <c>published_global</c>.</summary>
    public static JsonObject Execution(WorkflowExecutionRecord record, string? publishedGlobalJson = null)
    {
        var json = new JsonObject
        {
            ["id"] = record.Id,
            ["workflow_id"] = record.WorkflowId,
            ["workflow_name"] = record.WorkflowName,
            ["workflow_namespace"] = record.WorkflowNamespace,
            ["description"] = record.Description ?? string.Empty,
            ["tags"] = new JsonArray([.. record.Tags.Select(t => (JsonNode)JsonValue.Create(t))]),
            ["params"] = ApiResults.JsonString(record.ParamsJson),
            ["task_execution_id"] = record.TaskExecutionId,
            ["root_execution_id"] = record.RootExecutionId,
            ["state"] = record.State,
            ["state_info"] = record.StateInfo,
            ["input"] = ApiResults.JsonString(record.InputJson),
            ["output"] = ApiResults.JsonString(record.OutputJson),
            ["created_at"] = MistralTime.Format(record.CreatedAt),
            ["updated_at"] = MistralTime.Format(record.UpdatedAt),
            ["project_id"] = record.ProjectId,
        };
        if (record.OutputJson is null)
        {
            json.Remove("output");
        }

        if (publishedGlobalJson is not null)
        {
            json["published_global"] = publishedGlobalJson;
        }

        return json;
    }

    public static JsonObject Task(TaskExecutionRecord record)
    {
        var json = new JsonObject
        {
            ["id"] = record.Id,
            ["name"] = record.Name,
            ["type"] = record.Type,
            ["workflow_name"] = record.WorkflowName,
            ["workflow_namespace"] = record.WorkflowNamespace,
            ["workflow_id"] = record.WorkflowId,
            ["workflow_execution_id"] = record.WorkflowExecutionId,
            ["tags"] = new JsonArray([.. record.Tags.Select(t => (JsonNode)JsonValue.Create(t))]),
            ["state"] = record.State,
            ["state_info"] = record.StateInfo,
            ["project_id"] = record.ProjectId,
            ["runtime_context"] = ApiResults.JsonString(record.RuntimeContextJson),
            ["published"] = ApiResults.JsonString(record.PublishedJson),
            ["processed"] = record.Processed,
            ["created_at"] = MistralTime.Format(record.CreatedAt),
            ["updated_at"] = MistralTime.Format(record.UpdatedAt),
            ["started_at"] = MistralTime.Format(record.StartedAt),
            ["finished_at"] = MistralTime.Format(record.FinishedAt),
        };
        if (record.ResultJson is not null)
        {
            json["result"] = record.ResultJson;
        }

        return json;
    }

    /// <summary>An action execution; one run directly and not saved has no id and no timestamps, as Mistral.</summary>
    public static JsonObject ActionExecution(ActionExecutionRecord record)
    {
        var saved = record.Id.Length > 0;
        var json = new JsonObject
        {
            ["id"] = saved ? record.Id : null,
            ["workflow_name"] = record.WorkflowName,
            ["workflow_namespace"] = record.WorkflowNamespace,
            ["task_name"] = record.TaskName,
            ["task_execution_id"] = record.TaskExecutionId,
            ["state"] = record.State,
            ["state_info"] = record.StateInfo,
            ["tags"] = null,
            ["name"] = record.Name,
            ["description"] = record.Description ?? string.Empty,
            ["project_id"] = record.ProjectId,
            ["accepted"] = saved ? record.Accepted : null,
            ["input"] = ApiResults.JsonString(record.InputJson),
            ["output"] = ApiResults.JsonString(record.OutputJson),
            ["created_at"] = saved ? MistralTime.Format(record.CreatedAt) : null,
            ["updated_at"] = saved ? MistralTime.Format(record.UpdatedAt) : null,
        };
        if (record.OutputJson is null)
        {
            json.Remove("output");
        }

        return json;
    }
}
