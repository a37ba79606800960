using Microsoft.Extensions.Logging;
using Sirocco.Actions.Abstractions;
using Sirocco.Actions.Registry;
using Sirocco.Api.Definitions;
using Sirocco.Api.Http;
using Sirocco.Expressions.Values;
using Sirocco.Persistence.Executions;

namespace Sirocco.Api.Executions;

/// <summary>
/// The execution service of a server without a workflow runtime: it runs built-in actions directly
/// (<c>POST /v2/action_executions</c>, not saved) and answers 503 to everything that needs the engine.
/// The host replaces it with the runtime's implementation.
/// </summary>
internal sealed class StandaloneExecutionService(ActionRegistry registry, AdHocActionResolver adHoc, TimeProvider clock, ILoggerFactory loggers) : IExecutionService
{
    private const int MaxAdHocDepth = 16;
    private const string NoRuntime = "The workflow runtime is not configured in this server, so executions cannot be changed.";

    public Task<WorkflowExecutionRecord> StartAsync(StartExecution request, CancellationToken cancellationToken) => throw Unavailable();

    public Task<WorkflowExecutionRecord> ChangeStateAsync(string executionId, string state, string? stateInfo, string? envJson, CancellationToken cancellationToken) => throw Unavailable();

    public Task<WorkflowExecutionRecord> UpdateAsync(string executionId, string? description, string? envJson, CancellationToken cancellationToken) => throw Unavailable();

    public Task DeleteAsync(string executionId, bool force, CancellationToken cancellationToken) => throw Unavailable();

    public Task<TaskExecutionRecord> RerunTaskAsync(string taskExecutionId, bool reset, string? envJson, CancellationToken cancellationToken) => throw Unavailable();

    public Task<ActionExecutionRecord> CompleteActionAsync(string actionExecutionId, ActionCompletion completion, CancellationToken cancellationToken) => throw Unavailable();

    public async Task<ActionExecutionRecord> RunActionAsync(RunAction request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.SaveResult)
        {
            throw new ApiException(StatusCodes.Status501NotImplemented, "save_result is not supported yet: direct action runs are not stored.");
        }

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

        var context = new ActionContext
        {
            ActionExecutionId = Guid.NewGuid().ToString(),
            Input = input,
            CancellationToken = cancellationToken,
            Logger = loggers.CreateLogger(descriptor.ImplementationType),
            Time = clock,
        };
        var outcome = await action.RunAsync(context);
        var (state, output) = outcome.Kind switch
        {
            ActionOutcomeKind.Success => (ExecutionStates.Success, Wrap(chain.AsEnumerable().Reverse().Aggregate(outcome.Value, (value, spec) => adHoc.Output(spec, value)))),
            ActionOutcomeKind.Error => (ExecutionStates.Error, Wrap(outcome.Value)),
            _ => (ExecutionStates.Running, (string?)null),
        };
        var now = clock.GetUtcNow();
        return new ActionExecutionRecord(string.Empty, request.Name, null, null, null, null, state, null, state != ExecutionStates.Running,
            request.InputJson, output, request.Description, DefinitionParsing.DefaultProject, now, now);
    }

    private static string Wrap(Value value) => new JsonObject { ["result"] = JsonNode.Parse(JsonValues.ToJson(value)) }.ToJsonString();

    private static ApiException Unavailable() => new(StatusCodes.Status503ServiceUnavailable, NoRuntime);
}
