using System.Globalization;
using Sirocco.Api.Http;
using Sirocco.Persistence;
using Sirocco.Persistence.Executions;
using Sirocco.Persistence.Querying;

namespace Sirocco.Api.Executions;

/// <summary>
/// <c>GET /v2/executions/{id}/report</c>: the execution tree (tasks, their action executions and
/// sub-workflow executions) with task counts per state, as Mistral's execution report.
/// </summary>
internal static class ExecutionReport
{
    public static async Task<IResult> GetAsync(string id, HttpRequest request, ISiroccoStore store)
    {
        var cancel = request.HttpContext.RequestAborted;
        var root = await ExecutionEndpoints.FindAsync(store, id, cancel);
        var errorsOnly = ExecutionEndpoints.ParseBool(request.Query["errors_only"], "errors_only");
        var statisticsOnly = ExecutionEndpoints.ParseBool(request.Query["statistics_only"], "statistics_only");
        var depthText = request.Query["max_depth"].ToString();
        var maxDepth = depthText.Length == 0 ? -1
            : int.TryParse(depthText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var d) ? d
            : throw ApiException.BadRequest($"Invalid input for field/attribute max_depth. Value: '{depthText}'. Expected an integer.");

        var statistics = new Dictionary<string, int>(StringComparer.Ordinal);
        var tree = await ExecutionEntryAsync(store, root, 0, maxDepth, errorsOnly, statistics, cancel);
        var stats = new JsonObject
        {
            ["total_tasks_count"] = statistics.Values.Sum(),
            ["running_tasks_count"] = statistics.GetValueOrDefault(ExecutionStates.Running),
            ["success_tasks_count"] = statistics.GetValueOrDefault(ExecutionStates.Success),
            ["error_tasks_count"] = statistics.GetValueOrDefault(ExecutionStates.Error),
            ["idle_tasks_count"] = statistics.GetValueOrDefault(ExecutionStates.Idle),
            ["paused_tasks_count"] = statistics.GetValueOrDefault(ExecutionStates.Paused),
            ["estimated_time"] = -1,
        };
        var report = new JsonObject { ["statistics"] = stats };
        if (!statisticsOnly)
        {
            report["root_workflow_execution"] = tree;
        }

        return ApiResults.Json(report);
    }

    private static async Task<JsonObject> ExecutionEntryAsync(ISiroccoStore store, WorkflowExecutionRecord execution, int depth, int maxDepth,
        bool errorsOnly, Dictionary<string, int> statistics, CancellationToken cancel)
    {
        var entry = Entry(execution.Id, execution.WorkflowName, execution.State, execution.StateInfo, execution.CreatedAt, execution.UpdatedAt);
        if (maxDepth >= 0 && depth > maxDepth)
        {
            return entry;
        }

        var tasks = new JsonArray();
        var rows = await store.Executions.ListTaskExecutionsAsync(new ListQuery { Filters = [FieldFilter.Equal("workflow_execution_id", execution.Id)] }, cancel);
        foreach (var task in rows)
        {
            if (errorsOnly && task.State != ExecutionStates.Error)
            {
                continue;
            }

            statistics[task.State] = statistics.GetValueOrDefault(task.State) + 1;
            var taskEntry = Entry(task.Id, task.Name, task.State, task.StateInfo, task.CreatedAt, task.UpdatedAt);
            var actions = await store.Executions.ListActionExecutionsAsync(new ListQuery { Filters = [FieldFilter.Equal("task_execution_id", task.Id)] }, includeOutput: false, cancel);
            taskEntry["action_executions"] = new JsonArray([.. actions.Select(a =>
            {
                var actionEntry = Entry(a.Id, a.Name, a.State, a.StateInfo, a.CreatedAt, a.UpdatedAt);
                actionEntry["accepted"] = a.Accepted;
                return (JsonNode)actionEntry;
            })]);
            var children = new JsonArray();
            var subs = await store.Executions.ListWorkflowExecutionsAsync(new ListQuery { Filters = [FieldFilter.Equal("task_execution_id", task.Id)] }, includeOutput: false, cancel);
            foreach (var sub in subs)
            {
                children.Add(await ExecutionEntryAsync(store, sub, depth + 1, maxDepth, errorsOnly, statistics, cancel));
            }

            taskEntry["workflow_executions"] = children;
            tasks.Add(taskEntry);
        }

        entry["task_executions"] = tasks;
        return entry;
    }

    private static JsonObject Entry(string id, string name, string state, string? stateInfo, DateTimeOffset createdAt, DateTimeOffset? updatedAt) => new()
    {
        ["id"] = id,
        ["name"] = name,
        ["created_at"] = MistralTime.Format(createdAt),
        ["updated_at"] = MistralTime.Format(updatedAt),
        ["state"] = state,
        ["state_info"] = stateInfo,
    };
}
