using Sirocco.Api.Http;
using Sirocco.Api.Listing;
using Sirocco.Persistence;
using Sirocco.Persistence.Definitions;
using Sirocco.Persistence.Executions;
using Sirocco.Persistence.Querying;

namespace Sirocco.Api.Executions;

/// <summary><c>/v2/executions</c>: start, inspect, pause/resume/cancel/force-complete and delete workflow executions.</summary>
internal static class ExecutionEndpoints
{
    private static readonly string[] BodyFields = [.. ExecutionJson.ExecutionFields.All];

    public static void Map(RouteGroupBuilder v2)
    {
        var group = v2.MapGroup("/executions").WithTags("Executions");
        group.MapPost("/", StartAsync).WithSummary("Start a workflow execution");
        group.MapGet("/", ListAsync).WithSummary("List executions");
        group.MapGet("/{id}", GetAsync).WithSummary("Get an execution");
        group.MapPut("/{id}", UpdateAsync).WithSummary("Change state (pause, resume, cancel, fail, succeed), description or env");
        group.MapDelete("/{id}", DeleteAsync).WithSummary("Delete an execution");
        group.MapGet("/{id}/tasks", TasksAsync).WithSummary("Tasks of an execution");
        group.MapGet("/{id}/executions", SubExecutionEndpoints.OfExecutionAsync).WithSummary("Sub-workflow executions of an execution");
        group.MapGet("/{id}/report", ExecutionReport.GetAsync).WithSummary("Report: the execution tree with task and action states, and statistics");
    }

    private static async Task<IResult> StartAsync(HttpRequest request, ISiroccoStore store, IExecutionService executions)
    {
        var cancel = request.HttpContext.RequestAborted;
        var body = await JsonBody.ReadAsync(request, "execution", BodyFields);
        var sourceId = body.String("source_execution_id");
        var source = sourceId is null ? null : await store.Executions.GetWorkflowExecutionAsync(sourceId, cancel)
            ?? throw ApiException.NotFound("WorkflowExecution", sourceId);

        var parameters = body.Object("params") ?? (source is null ? [] : JsonNode.Parse(source.ParamsJson) as JsonObject ?? []);
        var input = body.Object("input") ?? (source is null ? [] : JsonNode.Parse(source.InputJson) as JsonObject ?? []);
        var description = body.String("description") ?? source?.Description ?? string.Empty;
        var workflowId = body.String("workflow_id") ?? (body.Has("workflow_name") ? null : source?.WorkflowId);
        var workflowName = body.String("workflow_name") ?? source?.WorkflowName;
        var ns = body.String("workflow_namespace") ?? Text(parameters["namespace"], "params.namespace") ?? source?.WorkflowNamespace ?? string.Empty;

        var identifier = workflowId ?? workflowName
            ?? throw ApiException.BadRequest("Workflow ID or workflow name must be provided. Workflow ID is recommended.");
        var workflow = await store.Definitions.GetAsync(DefinitionKind.Workflow, identifier, ns, cancel)
            ?? throw ApiException.NotFound("WorkflowDefinition", identifier, "workflow_identifier");
        WorkflowInputCheck.Check(workflow, input);

        parameters["namespace"] = workflow.Namespace;
        parameters["env"] = await ResolveEnvAsync(parameters["env"], store, cancel) ?? [];
        await RunningExecutionLimit.CheckAsync(request, store, cancel);
        var started = await executions.StartAsync(new StartExecution(workflow, input.ToJsonString(), parameters.ToJsonString(), description, sourceId), cancel);
        return ApiResults.Created(ExecutionJson.Execution(started));
    }

    private static async Task<IResult> ListAsync(HttpRequest request, ISiroccoStore store)
    {
        var list = ListRequest.Parse(request.Query, ExecutionJson.ExecutionFields, "include_output");
        var includeOutput = ParseBool(request.Query["include_output"], "include_output");
        var rows = await store.Executions.ListWorkflowExecutionsAsync(list.Query, includeOutput, request.HttpContext.RequestAborted);
        return ApiResults.Json(list.Envelope(request, "executions", [.. rows.Select(r => ExecutionJson.Execution(r))]));
    }

    private static async Task<IResult> GetAsync(string id, HttpRequest request, ISiroccoStore store)
    {
        var cancel = request.HttpContext.RequestAborted;
        var execution = await FindAsync(store, id, cancel);
        return ApiResults.Json(ExecutionJson.Execution(execution, await PublishedGlobal.ComputeAsync(store, id, cancel)));
    }

    private static async Task<IResult> UpdateAsync(string id, HttpRequest request, ISiroccoStore store, IExecutionService executions)
    {
        var cancel = request.HttpContext.RequestAborted;
        var body = await JsonBody.ReadAsync(request, "execution", BodyFields);
        var current = await FindAsync(store, id, cancel);
        var state = body.String("state");
        var stateInfo = body.String("state_info");
        // Mistral tests the fields for truth: an empty description is "not provided".
        var description = body.String("description") is { Length: > 0 } text ? text : null;
        var parameters = body.Object("params");
        if (parameters is not null && parameters.Any(p => p.Key != "env"))
        {
            throw ApiException.BadRequest("The property 'params' may only contain 'env' on update.");
        }

        var env = parameters?["env"] is { } envNode ? await ResolveEnvAsync(envNode, store, cancel) : null;
        if (state is null && description is null && env is null)
        {
            throw ApiException.BadRequest("The property state, description, or env is not provided for update.");
        }

        if (description is not null && state is not null)
        {
            throw ApiException.BadRequest("The property description must be updated separately from state.");
        }

        if (state is null)
        {
            if (env is not null && current.State is not (ExecutionStates.Idle or ExecutionStates.Paused or ExecutionStates.Error))
            {
                throw new ApiException(StatusCodes.Status403Forbidden,
                    "Updating env to workflow execution is only permitted if it is in IDLE, PAUSED, or ERROR state.")
                {
                    Extra = new JsonObject { ["state"] = current.State },
                };
            }

            var updated = await executions.UpdateAsync(id, description, env?.ToJsonString(), cancel);
            return ApiResults.Json(ExecutionJson.Execution(updated));
        }

        if (!ExecutionStates.ExecutionTargets.Contains(state))
        {
            throw ApiException.BadRequest($"Cannot change state to {state}.");
        }

        if (env is not null && state != ExecutionStates.Running)
        {
            throw ApiException.BadRequest("The property env can only be updated when workflow execution is not running or on resume from pause.");
        }

        if (current.State == ExecutionStates.Paused && state == ExecutionStates.Success)
        {
            // Mistral's transition table: a paused execution may be resumed, cancelled or failed, not succeeded.
            throw ApiException.BadRequest($"Can't change workflow execution state from PAUSED to SUCCESS. [execution_id={id}]");
        }

        if (ExecutionStates.IsCompleted(current.State) && state != ExecutionStates.Running && state != current.State)
        {
            throw new ApiException(StatusCodes.Status409Conflict, $"Execution {id} is already {current.State}; it cannot become {state}.")
            {
                Extra = new JsonObject { ["state"] = current.State },
            };
        }

        var changed = state == current.State && state != ExecutionStates.Running
            ? current
            : await executions.ChangeStateAsync(id, state, stateInfo, env?.ToJsonString(), cancel);
        return ApiResults.Json(ExecutionJson.Execution(changed));
    }

    private static async Task<IResult> DeleteAsync(string id, HttpRequest request, ISiroccoStore store, IExecutionService executions)
    {
        var cancel = request.HttpContext.RequestAborted;
        var force = ParseBool(request.Query["force"], "force");
        var current = await FindAsync(store, id, cancel);
        if (!force && !ExecutionStates.IsCompleted(current.State))
        {
            throw new ApiException(StatusCodes.Status403Forbidden,
                $"Only completed executions can be deleted. Use --force to override this. Execution {id} is in {current.State} state.");
        }

        await executions.DeleteAsync(id, force, cancel);
        return Results.NoContent();
    }

    private static async Task<IResult> TasksAsync(string id, HttpRequest request, ISiroccoStore store)
    {
        var cancel = request.HttpContext.RequestAborted;
        await FindAsync(store, id, cancel);
        var list = ListRequest.Parse(request.Query, ExecutionJson.TaskFields).With(FieldFilter.Equal("workflow_execution_id", id));
        var rows = await store.Executions.ListTaskExecutionsAsync(list.Query, cancel);
        return ApiResults.Json(list.Envelope(request, "tasks", [.. rows.Select(ExecutionJson.Task)]));
    }

    internal static async Task<WorkflowExecutionRecord> FindAsync(ISiroccoStore store, string id, CancellationToken cancel) =>
        await store.Executions.GetWorkflowExecutionAsync(id, cancel) ?? throw ApiException.NotFound("WorkflowExecution", id);

    /// <summary><c>env</c> may name a stored environment; the execution gets its variables (Mistral does the same).</summary>
    internal static async Task<JsonObject?> ResolveEnvAsync(JsonNode? env, ISiroccoStore store, CancellationToken cancel)
    {
        switch (env)
        {
            case null:
                return null;
            case JsonObject o:
                return (JsonObject)o.DeepClone();
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                var name = v.GetValue<string>();
                var stored = await store.Environments.GetAsync(name, cancel) ?? throw ApiException.NotFound("Environment", name, "name");
                return JsonNode.Parse(stored.VariablesJson) as JsonObject ?? [];
            default:
                throw ApiException.BadRequest($"Invalid input for field/attribute env. Value: '{env.ToJsonString()}'. Expected an object or the name of an environment.");
        }
    }

    internal static bool ParseBool(Microsoft.Extensions.Primitives.StringValues values, string name)
    {
        var text = values.ToString();
        return text.Length == 0 ? false
            : bool.TryParse(text, out var value) ? value
            : throw ApiException.BadRequest($"Invalid input for field/attribute {name}. Value: '{text}'. Expected true or false.");
    }

    private static string? Text(JsonNode? node, string name) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => throw ApiException.BadRequest($"Invalid input for field/attribute {name}. Expected a string."),
    };
}
