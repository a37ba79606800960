using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sirocco.Actions.Abstractions;
using Sirocco.Actions.Registry;
using Sirocco.Api.Definitions;
using Sirocco.Api.Http;
using Sirocco.Expressions.Values;
using Sirocco.Language.Model;
using Sirocco.Persistence;
using Sirocco.Persistence.Executions;

namespace Sirocco.Api.Executions;

/// <summary>
/// The execution service of a server without a workflow runtime: it runs built-in actions directly
/// (<c>POST /v2/action_executions</c>, stored when asked with <c>save_result</c>), completes such stored runs
/// (<c>PUT /v2/action_executions/{id}</c>) and answers 503 to everything that needs the engine. The host
/// replaces it with the runtime's implementation, which hands direct runs back to this class.
/// </summary>
internal sealed partial class StandaloneExecutionService(
    ActionRegistry registry,
    AdHocActionResolver adHoc,
    ISiroccoStore store,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILoggerFactory loggers) : IExecutionService
{
    private const int MaxAdHocDepth = 16;
    private const string NoRuntime = "The workflow runtime is not configured in this server, so executions cannot be changed.";

    private readonly ILogger _logger = loggers.CreateLogger<StandaloneExecutionService>();

    public Task<WorkflowExecutionRecord> StartAsync(StartExecution request, CancellationToken cancellationToken) => throw Unavailable();

    public Task<WorkflowExecutionRecord> ChangeStateAsync(string executionId, string state, string? stateInfo, string? envJson, CancellationToken cancellationToken) => throw Unavailable();

    public Task<WorkflowExecutionRecord> UpdateAsync(string executionId, string? description, string? envJson, CancellationToken cancellationToken) => throw Unavailable();

    public Task DeleteAsync(string executionId, bool force, CancellationToken cancellationToken) => throw Unavailable();

    public Task<TaskExecutionRecord> RerunTaskAsync(string taskExecutionId, bool reset, string? envJson, CancellationToken cancellationToken) => throw Unavailable();

    public async Task<ActionExecutionRecord> CompleteActionAsync(string actionExecutionId, ActionCompletion completion, CancellationToken cancellationToken)
    {
        var stored = await store.Durable.GetActionAsync(actionExecutionId, cancellationToken) ?? throw ApiException.NotFound("ActionExecution", actionExecutionId);
        return stored.WorkflowExecutionId is null
            ? await CompleteDirectAsync(actionExecutionId, completion, cancellationToken)
            : throw Unavailable();
    }

    /// <summary>Without a runtime there is no workflow action to complete: the caller takes the ordinary way.</summary>
    public Task<(ActionExecutionRecord? Current, ActionExecutionRecord? Completed)> TryCompleteActionAsync(
        string actionExecutionId, ActionCompletion completion, Func<ActionExecutionRecord, bool> plain, CancellationToken cancellationToken) =>
        Task.FromResult<(ActionExecutionRecord?, ActionExecutionRecord?)>((null, null));

    /// <summary>Completes or updates a stored direct run (one without a workflow): the webhook of a delegate run directly.</summary>
    public async Task<ActionExecutionRecord> CompleteDirectAsync(string actionExecutionId, ActionCompletion completion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completion);
        var output = completion.OutputJson is null ? null : JsonNode.Parse(completion.OutputJson);
        var stateInfo = completion.StateInfo
            ?? (completion.State == ExecutionStates.Error && output is not null ? JsonValues.Parse(completion.OutputJson!).ToText() : null);
        await DirectActionRows.FinishAsync(store, actionExecutionId, completion.State, completion.OutputJson is null ? null : Wrap(output), stateInfo, clock.GetUtcNow(), cancellationToken);
        return await store.Executions.GetActionExecutionAsync(actionExecutionId, cancellationToken) ?? throw ApiException.NotFound("ActionExecution", actionExecutionId);
    }

    public async Task<ActionExecutionRecord> RunActionAsync(RunAction request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var input = JsonValues.Parse(request.InputJson) as DictValue ?? DictValue.Empty;
        // An ad-hoc action may be built on another one: follow the bases down to a registered action.
        var chain = new List<Sirocco.Language.Model.ActionSpec>();
        var baseName = request.Name;
        while (registry.Find(baseName) is null && chain.Count < MaxAdHocDepth
            && await adHoc.FindAsync(baseName, request.Namespace, cancellationToken) is { } spec)
        {
            chain.Add(spec);
            input = adHoc.BaseInput(spec, input);
            baseName = spec.Base;
        }

        var descriptor = registry.Find(baseName)
            ?? throw ApiException.BadRequest($"Failed to find action [action_name={baseName}, namespace={request.Namespace}]");
        IAction action;
        try
        {
            action = descriptor.Create(input);
        }
        catch (ActionInputException error)
        {
            throw ApiException.BadRequest(error.Message);
        }

        var call = new DirectCall(action, chain, input, descriptor.ImplementationType);
        if (!request.SaveResult)
        {
            var (state, output) = await RunAsync(call, Guid.NewGuid().ToString(), cancellationToken);
            var now = clock.GetUtcNow();
            return new ActionExecutionRecord(string.Empty, request.Name, null, null, null, null, state, null, state != ExecutionStates.Running,
                request.InputJson, output, request.Description, Projects.ProjectScope.Owner, now, now);
        }

        var id = Guid.NewGuid().ToString();
        await DirectActionRows.InsertAsync(store, DirectActionRows.Running(id, request, clock.GetUtcNow()), cancellationToken);
        if (request.RunSync != true)
        {
            // Mistral: save_result without run_sync schedules the action and answers with the RUNNING row at once.
            var running = await store.Executions.GetActionExecutionAsync(id, cancellationToken) ?? throw ApiException.NotFound("ActionExecution", id);
            _ = Task.Run(() => RunAndRecordAsync(call, id, lifetime.ApplicationStopping), CancellationToken.None);
            return running;
        }

        await RunAndRecordAsync(call, id, cancellationToken);
        return await store.Executions.GetActionExecutionAsync(id, cancellationToken) ?? throw ApiException.NotFound("ActionExecution", id);
    }

    /// <summary>Runs a saved direct call and stores its end; a delegate that answers "pending" stays RUNNING for its webhook.</summary>
    private async Task RunAndRecordAsync(DirectCall call, string id, CancellationToken cancellationToken)
    {
        string state;
        string? output;
        try
        {
            (state, output) = await RunAsync(call, id, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            LogDirectRunStopped(_logger, id);
            return;
        }
#pragma warning disable CA1031 // Any failure of the action is its ERROR result, stored for the caller to read.
        catch (Exception error)
#pragma warning restore CA1031
        {
            (state, output) = (ExecutionStates.Error, Wrap(JsonValue.Create(error.Message)));
        }

        if (state == ExecutionStates.Running)
        {
            return;
        }

        var stateInfo = state == ExecutionStates.Error && output is not null ? JsonNode.Parse(output)?["result"]?.ToString() : null;
        await DirectActionRows.FinishAsync(store, id, state, output, stateInfo, clock.GetUtcNow(), CancellationToken.None);
    }

    private async Task<(string State, string? Output)> RunAsync(DirectCall call, string actionExecutionId, CancellationToken cancellationToken)
    {
        var context = new ActionContext
        {
            ActionExecutionId = actionExecutionId,
            Input = call.Input,
            CancellationToken = cancellationToken,
            Logger = loggers.CreateLogger(call.ImplementationType),
            Time = clock,
        };
        var outcome = await call.Action.RunAsync(context);
        return outcome.Kind switch
        {
            ActionOutcomeKind.Success => (ExecutionStates.Success, Wrap(ToNode(call.AdHocChain.AsEnumerable().Reverse().Aggregate(outcome.Value, (value, spec) => adHoc.Output(spec, value))))),
            ActionOutcomeKind.Error => (ExecutionStates.Error, Wrap(ToNode(outcome.Value))),
            _ => (ExecutionStates.Running, (string?)null),
        };
    }

    private static JsonNode? ToNode(Value value) => JsonNode.Parse(JsonValues.ToJson(value));

    private static string Wrap(JsonNode? value) => new JsonObject { ["result"] = value }.ToJsonString();

    private static ApiException Unavailable() => new(StatusCodes.Status503ServiceUnavailable, NoRuntime);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Direct action run {ActionExecutionId} stopped with the server; it stays RUNNING")]
    private static partial void LogDirectRunStopped(ILogger logger, string actionExecutionId);

    private sealed record DirectCall(IAction Action, IReadOnlyList<ActionSpec> AdHocChain, DictValue Input, Type ImplementationType);
}
