using Microsoft.Extensions.Logging;
using Sirocco.Api.AdHoc;
using Sirocco.Api.Executions;
using Sirocco.Api.Http;
using Sirocco.Api.Projects;
using Sirocco.Engine.Events;
using Sirocco.Persistence;
using Sirocco.Persistence.Executions;
using Sirocco.Runtime.Durable;

namespace Sirocco.Api.Callbacks;

/// <summary>
/// <c>/v2/callbacks/{actionExecutionId}/{token}</c>: a third party completes the one delegate action it was
/// handed, without API credentials — the token is the capability. Unknown action, wrong or expired token: 404
/// (the same answer, so the route reveals nothing). A finished action answers a repeat of its completion with
/// 200 and anything else with 409; a completion arriving after the task timed out is recorded and refused (409).
/// </summary>
internal static partial class CallbackEndpoints
{
    private static readonly string[] BodyFields = ["state", "output", "state_info"];

    public static void Map(RouteGroupBuilder v2)
    {
        var group = v2.MapGroup("/callbacks").WithTags("Delegate callbacks");
        group.MapPost("/{id}/{token}", CompleteAsync).WithSummary("Complete a delegate action through its callback URL");
        group.MapPost("/{id}/{token}/heartbeat", HeartbeatAsync).WithSummary("Report that the third party is still working on a delegate action");
    }

    private static async Task<IResult> CompleteAsync(string id, string token, HttpRequest request, ISiroccoStore store, CallbackSigner signer, CallbackOptions options, IExecutionService executions, TimeProvider clock, ILoggerFactory loggers, IServiceProvider services)
    {
        var cancel = request.HttpContext.RequestAborted;
        if (!await signer.IsValidAsync(id, token, cancel))
        {
            throw NotFound();
        }

        var body = await JsonBody.ReadAsync(request, "callback", BodyFields);
        var state = body.String("state");
        if (state is not (ExecutionStates.Success or ExecutionStates.Error))
        {
            throw ApiException.BadRequest($"Expected state SUCCESS or ERROR, actual: {state ?? "None"}");
        }

        var output = body.Json("output", out _);
        if (state == ExecutionStates.Error && output is null)
        {
            output = JsonValue.Create("Unknown error");
        }

        // As PUT /v2/action_executions/{id}: the usual callback is read and completed in one unit of the database writer.
        var logger = loggers.CreateLogger(typeof(CallbackEndpoints));
        var (read, completedNow) = await executions.TryCompleteActionAsync(id, new ActionCompletion(state, output?.ToJsonString(), body.String("state_info")),
            DelegateCompletion.NothingToCheck(services, state), cancel);
        if (completedNow is not null)
        {
            LogCompleted(logger, id, state);
            return ApiResults.Json(ExecutionJson.ActionExecution(completedNow));
        }

        var current = Authorize(read is not null && ProjectFilter.IsOwn(read.ProjectId) ? read : await store.Executions.GetActionExecutionAsync(id, cancel), options, clock);
        (state, output) = await AdHocCompletion.ApplyAsync(services, current, state, output, cancel);
        var completion = new ActionCompletion(state, output?.ToJsonString(), body.String("state_info")) { Before = current };
        if (DelegateCompletion.Refusal(current, state, output) is { } refusal)
        {
            LogRefused(logger, id, current.State, state);
            throw refusal;
        }

        if (ExecutionStates.IsCompleted(current.State))
        {
            return ApiResults.Json(ExecutionJson.ActionExecution(current));
        }

        if (DelegateCompletion.TimedOutReason(current) is { } reason)
        {
            // Still handed to the engine, which records the late result in the execution's history and ignores it.
            await executions.CompleteActionAsync(id, completion, cancel);
            LogLate(logger, id, state, reason);
            throw DelegateCompletion.TimedOut(id, reason);
        }

        var completed = await executions.CompleteActionAsync(id, completion, cancel);
        LogCompleted(logger, id, state);
        return ApiResults.Json(ExecutionJson.ActionExecution(completed));
    }

    private static async Task<IResult> HeartbeatAsync(string id, string token, HttpRequest request, ISiroccoStore store, CallbackSigner signer, CallbackOptions options, TimeProvider clock, ILoggerFactory loggers, IServiceProvider services)
    {
        var cancel = request.HttpContext.RequestAborted;
        var current = await AuthorizeAsync(store, signer, options, id, token, clock, cancel);
        if (ExecutionStates.IsCompleted(current.State) || DelegateCompletion.TimedOutReason(current) is not null)
        {
            throw new ApiException(StatusCodes.Status409Conflict, $"Action execution {id} is no longer running ({current.State}).")
            {
                Extra = new JsonObject { ["state"] = current.State },
            };
        }

        var now = clock.GetUtcNow();

        // The engine restarts the task's timeout when the task asks for it (heartbeat-extends-timeout); the new
        // timer is stored with the decision, so the extension survives a restart.
        if (services.GetService<DurableRuntime>() is { } runtime
            && await store.Durable.GetActionAsync(id, cancel) is { WorkflowExecutionId: { } executionId })
        {
            await runtime.SubmitAsync(new ActionHeartbeat(executionId, id), null, cancel);
        }

        LogHeartbeat(loggers.CreateLogger(typeof(CallbackEndpoints)), id);
        return ApiResults.Json(new JsonObject { ["id"] = id, ["state"] = current.State, ["heartbeat_at"] = MistralTime.Format(now) });
    }

    /// <summary>
    /// The action the token is for, or a 404. Tokens die with their action: for a short grace after it ended
    /// (<see cref="CallbackOptions.RevokedTokenGrace"/>, counted from the action's last change) they still answer a
    /// repeat of the completion — Mistral clients retry — and can change nothing; after it they are dead. The
    /// token is checked before the action is read, so a wrong one costs no database read.
    /// </summary>
    private static async Task<ActionExecutionRecord> AuthorizeAsync(ISiroccoStore store, CallbackSigner signer, CallbackOptions options, string id, string token, TimeProvider clock, CancellationToken cancel) =>
        Authorize(await signer.IsValidAsync(id, token, cancel) ? await store.Executions.GetActionExecutionAsync(id, cancel) : null, options, clock);

    /// <summary>The action read for a valid token, or a 404 when there is none or its token is dead.</summary>
    private static ActionExecutionRecord Authorize(ActionExecutionRecord? current, CallbackOptions options, TimeProvider clock)
    {
        if (current is null
            || (ExecutionStates.IsCompleted(current.State) && (current.UpdatedAt ?? current.CreatedAt) + options.RevokedTokenGrace <= clock.GetUtcNow()))
        {
            throw NotFound();
        }

        return current;
    }

    private static ApiException NotFound() => new(StatusCodes.Status404NotFound, "Callback not found: unknown action execution, or a wrong or expired token.");

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "Delegate action {ActionExecutionId} completed through its callback URL with {State}")]
    private static partial void LogCompleted(ILogger logger, string actionExecutionId, string state);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Warning, Message = "Callback for action {ActionExecutionId} refused: it is already {Current}, the callback sent {State}")]
    private static partial void LogRefused(ILogger logger, string actionExecutionId, string current, string state);

    [LoggerMessage(EventId = 8103, Level = LogLevel.Warning, Message = "Late callback for action {ActionExecutionId} ({State}) recorded and refused: {Reason}")]
    private static partial void LogLate(ILogger logger, string actionExecutionId, string state, string reason);

    [LoggerMessage(EventId = 8104, Level = LogLevel.Debug, Message = "Heartbeat for delegate action {ActionExecutionId}")]
    private static partial void LogHeartbeat(ILogger logger, string actionExecutionId);
}
