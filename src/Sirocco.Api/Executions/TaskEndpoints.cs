using Sirocco.Api.Http;
using Sirocco.Api.Listing;
using Sirocco.Persistence;
using Sirocco.Persistence.Executions;
using Sirocco.Persistence.Querying;

namespace Sirocco.Api.Executions;

/// <summary><c>/v2/tasks</c>: task executions; <c>PUT</c> reruns a failed task.</summary>
internal static class TaskEndpoints
{
    private static readonly string[] BodyFields = [.. ExecutionJson.TaskFields.All, "reset", "env"];

    public static void Map(RouteGroupBuilder v2)
    {
        var group = v2.MapGroup("/tasks").WithTags("Tasks");
        group.MapGet("/", ListAsync).WithSummary("List task executions");
        group.MapGet("/{id}", GetAsync).WithSummary("Get a task execution with its result");
        group.MapPut("/{id}", RerunAsync).WithSummary("Rerun a task in ERROR (state RUNNING, reset, env)");
        group.MapGet("/{id}/action_executions", ActionExecutionsAsync).WithSummary("Action executions of a task");
        group.MapGet("/{id}/executions", SubExecutionEndpoints.OfTaskAsync).WithSummary("Sub-workflow executions of a task");
    }

    private static async Task<IResult> ListAsync(HttpRequest request, ISiroccoStore store)
    {
        var list = ListRequest.Parse(request.Query, ExecutionJson.TaskFields);
        var rows = await store.Executions.ListTaskExecutionsAsync(list.Query, request.HttpContext.RequestAborted);
        return ApiResults.Json(list.Envelope(request, "tasks", [.. rows.Select(ExecutionJson.Task)]));
    }

    private static async Task<IResult> GetAsync(string id, HttpRequest request, ISiroccoStore store) =>
        ApiResults.Json(ExecutionJson.Task(await FindAsync(store, id, request.HttpContext.RequestAborted)));

    private static async Task<IResult> RerunAsync(string id, HttpRequest request, ISiroccoStore store, IExecutionService executions)
    {
        var cancel = request.HttpContext.RequestAborted;
        var body = await JsonBody.ReadAsync(request, "task", BodyFields);
        var reset = body.Bool("reset") ?? throw ApiException.BadRequest("Mandatory field missing: reset");
        var state = body.String("state");
        var env = body.Has("env") ? await ExecutionEndpoints.ResolveEnvAsync(body.Json("env", out _), store, cancel) : null;
        var task = await FindAsync(store, id, cancel);
        if (body.String("name") is { } name && name != task.Name)
        {
            throw ApiException.BadRequest("Task name does not match.");
        }

        if (body.String("workflow_name") is { } workflowName && workflowName != task.WorkflowName)
        {
            throw ApiException.BadRequest("Workflow name does not match.");
        }

        if (state != ExecutionStates.Running)
        {
            throw ApiException.BadRequest("Invalid task state. Only updating task to rerun is supported.");
        }

        if (task.State != ExecutionStates.Error)
        {
            throw new ApiException(StatusCodes.Status400BadRequest, "The current task execution must be in ERROR for rerun. Only updating task to rerun is supported.")
            {
                Extra = new JsonObject { ["state"] = task.State },
            };
        }

        var rerun = await executions.RerunTaskAsync(id, reset, env?.ToJsonString(), cancel);
        return ApiResults.Json(ExecutionJson.Task(rerun));
    }

    private static async Task<IResult> ActionExecutionsAsync(string id, HttpRequest request, ISiroccoStore store)
    {
        var cancel = request.HttpContext.RequestAborted;
        await FindAsync(store, id, cancel);
        var list = ListRequest.Parse(request.Query, ExecutionJson.ActionExecutionFields, "include_output").With(FieldFilter.Equal("task_execution_id", id));
        var includeOutput = ExecutionEndpoints.ParseBool(request.Query["include_output"], "include_output");
        var rows = await store.Executions.ListActionExecutionsAsync(list.Query, includeOutput, cancel);
        return ApiResults.Json(list.Envelope(request, "action_executions", [.. rows.Select(ExecutionJson.ActionExecution)]));
    }

    private static async Task<TaskExecutionRecord> FindAsync(ISiroccoStore store, string id, CancellationToken cancel) =>
        await store.Executions.GetTaskExecutionAsync(id, cancel) ?? throw ApiException.NotFound("TaskExecution", id);
}
