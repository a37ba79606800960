using System.Globalization;
using Sirocco.Api.Http;
using Sirocco.Persistence;
using Sirocco.Persistence.Executions;
using Sirocco.Persistence.Querying;

namespace Sirocco.Api.Executions;

/// <summary>
/// <c>/v2/executions/{id}/executions</c> and <c>/v2/tasks/{id}/executions</c>: the sub-workflow executions
/// below an execution or a task, depth first, with Mistral's <c>max_depth</c> and <c>errors_only</c>.
/// </summary>
internal static class SubExecutionEndpoints
{
    public static async Task<IResult> OfExecutionAsync(string id, HttpRequest request, ISiroccoStore store)
    {
        var cancel = request.HttpContext.RequestAborted;
        var root = await ExecutionEndpoints.FindAsync(store, id, cancel);
        var (maxDepth, errorsOnly) = Options(request);
        var found = new List<WorkflowExecutionRecord>();
        await CollectBelowExecutionAsync(store, root.Id, 1, maxDepth, found, cancel);
        return Answer(found, errorsOnly);
    }

    public static async Task<IResult> OfTaskAsync(string id, HttpRequest request, ISiroccoStore store)
    {
        var cancel = request.HttpContext.RequestAborted;
        var task = await store.Executions.GetTaskExecutionAsync(id, cancel) ?? throw ApiException.NotFound("TaskExecution", id);
        var (maxDepth, errorsOnly) = Options(request);
        var found = new List<WorkflowExecutionRecord>();
        await CollectBelowTaskAsync(store, task.Id, 1, maxDepth, found, cancel);
        return Answer(found, errorsOnly);
    }

    private static IResult Answer(List<WorkflowExecutionRecord> found, bool errorsOnly) =>
        ApiResults.Json(new JsonObject
        {
            ["executions"] = new JsonArray([.. found
                .Where(e => !errorsOnly || e.State == ExecutionStates.Error)
                .Select(e => (JsonNode)ExecutionJson.Execution(e))]),
        });

    private static async Task CollectBelowExecutionAsync(ISiroccoStore store, string executionId, int depth, int maxDepth, List<WorkflowExecutionRecord> found, CancellationToken cancel)
    {
        var tasks = await store.Executions.ListTaskExecutionsAsync(new ListQuery { Filters = [FieldFilter.Equal("workflow_execution_id", executionId)] }, cancel);
        foreach (var task in tasks.Where(t => t.Type == "WORKFLOW"))
        {
            await CollectBelowTaskAsync(store, task.Id, depth, maxDepth, found, cancel);
        }
    }

    private static async Task CollectBelowTaskAsync(ISiroccoStore store, string taskId, int depth, int maxDepth, List<WorkflowExecutionRecord> found, CancellationToken cancel)
    {
        if (maxDepth >= 0 && depth > maxDepth)
        {
            return;
        }

        var children = await store.Executions.ListWorkflowExecutionsAsync(new ListQuery { Filters = [FieldFilter.Equal("task_execution_id", taskId)] }, includeOutput: true, cancel);
        foreach (var child in children)
        {
            found.Add(child);
            await CollectBelowExecutionAsync(store, child.Id, depth + 1, maxDepth, found, cancel);
        }
    }

    private static (int MaxDepth, bool ErrorsOnly) Options(HttpRequest request)
    {
        var depthText = request.Query["max_depth"].ToString();
        var maxDepth = depthText.Length == 0 ? -1
            : int.TryParse(depthText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var d) ? d
            : throw ApiException.BadRequest($"Invalid input for field/attribute max_depth. Value: '{depthText}'. Expected an integer.");
        return (maxDepth, ExecutionEndpoints.ParseBool(request.Query["errors_only"], "errors_only"));
    }
}
