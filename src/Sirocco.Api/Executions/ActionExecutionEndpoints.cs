using Sirocco.Actions.Registry;
using Sirocco.Api.Http;
using Sirocco.Api.Listing;
using Sirocco.Persistence;
using Sirocco.Persistence.Definitions;
using Sirocco.Persistence.Executions;

namespace Sirocco.Api.Executions;

/// <summary>
/// <c>/v2/action_executions</c>: list and inspect action executions, run an action directly (<c>POST</c>) and
/// complete a waiting one (<c>PUT</c>, the delegate webhook). Completion is idempotent: the same completion
/// again answers 200 with the stored result; a different completion of a finished action answers 409 with its state.
/// </summary>
internal static class ActionExecutionEndpoints
{
    private static readonly string[] BodyFields = [.. ExecutionJson.ActionExecutionFields.All];

    public static void Map(RouteGroupBuilder v2)
    {
        var group = v2.MapGroup("/action_executions").WithTags("Action executions");
        group.MapGet("/", ListAsync).WithSummary("List action executions");
        group.MapGet("/{id}", GetAsync).WithSummary("Get an action execution with its output");
        group.MapPost("/", RunAsync).WithSummary("Run an action outside any workflow");
        group.MapPut("/{id}", CompleteAsync).WithSummary("Complete or update an action execution (delegate webhook)");
        group.MapDelete("/{id}", DeleteAsync).WithSummary("Refused, as Mistral's default (allow_action_execution_deletion = false)");
    }

    private static async Task<IResult> ListAsync(HttpRequest request, ISiroccoStore store)
    {
        var list = ListRequest.Parse(request.Query, ExecutionJson.ActionExecutionFields, "include_output");
        var includeOutput = ExecutionEndpoints.ParseBool(request.Query["include_output"], "include_output");
        var rows = await store.Executions.ListActionExecutionsAsync(list.Query, includeOutput, request.HttpContext.RequestAborted);
        return ApiResults.Json(list.Envelope(request, "action_executions", [.. rows.Select(ExecutionJson.ActionExecution)]));
    }

    private static async Task<IResult> GetAsync(string id, HttpRequest request, ISiroccoStore store) =>
        ApiResults.Json(ExecutionJson.ActionExecution(await FindAsync(store, id, request.HttpContext.RequestAborted)));

    private static async Task<IResult> RunAsync(HttpRequest request, ISiroccoStore store, ActionRegistry registry, IExecutionService executions)
    {
        var cancel = request.HttpContext.RequestAborted;
        var body = await JsonBody.ReadAsync(request, "action_execution", BodyFields);
        var name = body.String("name");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw ApiException.BadRequest("Please provide at least action name to run action.");
        }

        var input = body.Object("input") ?? [];
        var parameters = body.Object("params") ?? [];
        var ns = body.String("workflow_namespace") ?? string.Empty;
        if (registry.Find(name) is null && await store.Definitions.GetAsync(DefinitionKind.Action, name, ns, cancel) is null)
        {
            throw ApiException.BadRequest($"Failed to find action [action_name={name}, namespace={ns}]");
        }

        var saveResult = Flag(parameters, "save_result") ?? false;
        var runSync = Flag(parameters, "run_sync");
        var run = new RunAction(name, input.ToJsonString(), parameters.ToJsonString(), body.String("description") ?? string.Empty, ns, saveResult, runSync);
        var result = await executions.RunActionAsync(run, cancel);
        return ApiResults.Created(ExecutionJson.ActionExecution(result));
    }

    private static async Task<IResult> CompleteAsync(string id, HttpRequest request, ISiroccoStore store, IExecutionService executions, IServiceProvider services)
    {
        var cancel = request.HttpContext.RequestAborted;
        var body = await JsonBody.ReadAsync(request, "action_execution", BodyFields);
        var state = body.String("state");
        if (state is null || !ExecutionStates.ActionTargets.Contains(state))
        {
            throw ApiException.BadRequest($"Error. Expected one of ['SUCCESS', 'ERROR', 'CANCELLED', 'PAUSED', 'RUNNING'], actual: {state ?? "None"}");
        }

        var output = body.Json("output", out _);
        var stateInfo = body.String("state_info");
        if (state == ExecutionStates.Error && output is null)
        {
            output = JsonValue.Create("Unknown error");
        }

        // The usual callback — a running action of a workflow, its task running, nothing to transform — is read and
        // completed in one unit of the database writer; anything else is answered as below from the action as read.
        var (read, completedNow) = await executions.TryCompleteActionAsync(id, new ActionCompletion(state, output?.ToJsonString(), stateInfo),
            Callbacks.DelegateCompletion.NothingToCheck(services, state), cancel);
        if (completedNow is not null)
        {
            return ApiResults.Json(ExecutionJson.ActionExecution(completedNow));
        }

        var current = read is not null && Projects.ProjectFilter.IsOwn(read.ProjectId) ? read : await FindAsync(store, id, cancel);
        (state, output) = await AdHoc.AdHocCompletion.ApplyAsync(services, current, state, output, cancel);
        if (Callbacks.DelegateCompletion.Refusal(current, state, output) is { } refusal)
        {
            throw refusal;
        }

        if (ExecutionStates.IsCompleted(current.State))
        {
            return ApiResults.Json(ExecutionJson.ActionExecution(current));
        }

        var completion = new ActionCompletion(state, output?.ToJsonString(), stateInfo) { Before = current };
        if (ExecutionStates.IsCompleted(state) && Callbacks.DelegateCompletion.TimedOutReason(current) is { } reason)
        {
            // Recorded by the engine (history) and ignored, as the callback URL does.
            await executions.CompleteActionAsync(id, completion, cancel);
            throw Callbacks.DelegateCompletion.TimedOut(id, reason);
        }

        var completed = await executions.CompleteActionAsync(id, completion, cancel);
        return ApiResults.Json(ExecutionJson.ActionExecution(completed));
    }

    private static async Task<IResult> DeleteAsync(string id, HttpRequest request, ISiroccoStore store)
    {
        await FindAsync(store, id, request.HttpContext.RequestAborted);
        throw new ApiException(StatusCodes.Status403Forbidden, "Action execution deletion is not allowed.");
    }

    private static bool? Flag(JsonObject parameters, string name) => parameters[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        var other => throw ApiException.BadRequest($"Invalid input for field/attribute params.{name}. Value: '{other.ToJsonString()}'. Expected a boolean."),
    };

    private static async Task<ActionExecutionRecord> FindAsync(ISiroccoStore store, string id, CancellationToken cancel) =>
        await store.Executions.GetActionExecutionAsync(id, cancel) ?? throw ApiException.NotFound("ActionExecution", id);
}
