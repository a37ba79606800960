using Sirocco.Api.Hosting;
using Sirocco.Api.Http;
using Sirocco.Engine.Events;
using Sirocco.Expressions.Values;
using Sirocco.Persistence;
using Sirocco.Persistence.Definitions;
using Sirocco.Persistence.Execution;
using Sirocco.Persistence.Executions;
using Sirocco.Runtime.Durable;

namespace Sirocco.Api.Executions;

/// <summary>
/// The execution service backed by the durable runtime (in this process or, through an <see cref="IEventGateway"/>, on engine nodes): each change becomes an engine event, decided and
/// stored in one transaction before the answer. Reads go back through the store's execution reader.
/// </summary>
internal sealed class RuntimeExecutionService(IEventGateway runtime, ISiroccoStore store, StandaloneExecutionService direct) : IExecutionService
{
    public async Task<WorkflowExecutionRecord> StartAsync(StartExecution request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = Guid.CreateVersion7().ToString(); // time-ordered, like the engine's ids (GuidIds)
        var workflow = request.Workflow;
        var origin = new ExecutionOrigin(workflow.Name, workflow.Id, workflow.Namespace, await DefinitionTextAsync(workflow, cancellationToken), Projects.ProjectScope.Owner);
        var @event = new StartWorkflow(id, Dict(request.InputJson), Dict(request.ParamsJson), request.Description);
        Check(await runtime.SubmitAsync(@event, origin, cancellationToken), id, "start");
        return await ExecutionAsync(id, cancellationToken);
    }

    public async Task<WorkflowExecutionRecord> ChangeStateAsync(string executionId, string state, string? stateInfo, string? envJson, CancellationToken cancellationToken)
    {
        EngineEvent @event = state switch
        {
            ExecutionStates.Paused => new PauseExecution(executionId, stateInfo),
            ExecutionStates.Running => new ResumeExecution(executionId, envJson is null ? null : Dict(envJson)),
            ExecutionStates.Cancelled => new CancelExecution(executionId, stateInfo),
            ExecutionStates.Success => new StopExecution(executionId, Engine.State.ExecutionState.Success, stateInfo),
            ExecutionStates.Error => new StopExecution(executionId, Engine.State.ExecutionState.Error, stateInfo),
            _ => throw ApiException.BadRequest($"Cannot change state to {state}."),
        };
        Check(await runtime.SubmitAsync(@event, null, cancellationToken), executionId, $"change to {state}");
        return await ExecutionAsync(executionId, cancellationToken);
    }

    public async Task<WorkflowExecutionRecord> UpdateAsync(string executionId, string? description, string? envJson, CancellationToken cancellationToken)
    {
        var @event = new UpdateExecution(executionId, description, envJson is null ? null : Dict(envJson));
        Check(await runtime.SubmitAsync(@event, null, cancellationToken), executionId, "update");
        return await ExecutionAsync(executionId, cancellationToken);
    }

    /// <summary>
    /// Deletes the execution tree under the execution's lock, so no event of it is half decided. As in Mistral,
    /// a forced delete of a running execution does not stop what runners already hold: their results find no
    /// execution any more and are dropped.
    /// </summary>
    public async Task DeleteAsync(string executionId, bool force, CancellationToken cancellationToken)
    {
        var deleted = await store.Durable.ExecuteAsync((tx, ct) => tx.DeleteExecutionAsync(executionId, ct), cancellationToken);
        if (!deleted)
        {
            throw ApiException.NotFound("WorkflowExecution", executionId);
        }
    }

    public async Task<TaskExecutionRecord> RerunTaskAsync(string taskExecutionId, bool reset, string? envJson, CancellationToken cancellationToken)
    {
        var task = await store.Executions.GetTaskExecutionAsync(taskExecutionId, cancellationToken) ?? throw ApiException.NotFound("TaskExecution", taskExecutionId);
        var @event = new RerunTask(task.WorkflowExecutionId, taskExecutionId, reset, envJson is null ? null : Dict(envJson));
        Check(await runtime.SubmitAsync(@event, null, cancellationToken), task.WorkflowExecutionId, "rerun");
        return await store.Executions.GetTaskExecutionAsync(taskExecutionId, cancellationToken) ?? throw ApiException.NotFound("TaskExecution", taskExecutionId);
    }

    public async Task<ActionExecutionRecord> CompleteActionAsync(string actionExecutionId, ActionCompletion completion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completion);
        var knownExecutionId = completion.Before is { } before
            ? before.WorkflowExecutionId
            : (await store.Durable.GetActionAsync(actionExecutionId, cancellationToken) ?? throw ApiException.NotFound("ActionExecution", actionExecutionId)).WorkflowExecutionId;
        if (knownExecutionId is null)
        {
            return await direct.CompleteDirectAsync(actionExecutionId, completion, cancellationToken);
        }

        if (Outcome(completion) is { } outcome)
        {
            var (result, stored) = await runtime.CompleteActionReportingAsync(knownExecutionId, actionExecutionId, outcome, cancellationToken);
            Check(result, knownExecutionId, "complete action");
            if (stored is not null && completion.Before is { } read)
            {
                return read.AsStored(stored);
            }
        }

        return await store.Executions.GetActionExecutionAsync(actionExecutionId, cancellationToken) ?? throw ApiException.NotFound("ActionExecution", actionExecutionId);
    }

    public async Task<(ActionExecutionRecord? Current, ActionExecutionRecord? Completed)> TryCompleteActionAsync(
        string actionExecutionId, ActionCompletion completion, Func<ActionExecutionRecord, bool> plain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(completion);
        if (Outcome(completion) is not { } outcome)
        {
            return (null, null);
        }

        var attempt = await runtime.TryCompleteActionAsync(actionExecutionId, outcome, plain, cancellationToken);
        if (!attempt.Decided || attempt.Current is not { WorkflowExecutionId: { } executionId } current)
        {
            return (attempt.Current, null);
        }

        Check(attempt.Outcome, executionId, "complete action");
        return (current, attempt.Stored is { } stored
            ? current.AsStored(stored)
            : await store.Executions.GetActionExecutionAsync(actionExecutionId, cancellationToken) ?? throw ApiException.NotFound("ActionExecution", actionExecutionId));
    }

    /// <summary>What the engine decides on for a completion; null for RUNNING and PAUSED, which only update Mistral's action.</summary>
    private static ActionOutcome? Outcome(ActionCompletion completion)
    {
        var value = completion.OutputJson is null ? Value.Null : JsonValues.Parse(completion.OutputJson);
        return completion.State switch
        {
            ExecutionStates.Success => ActionOutcome.Success(value),
            ExecutionStates.Error => ActionOutcome.Failure(value),
            ExecutionStates.Cancelled => ActionOutcome.Cancelled(value),
            _ => null,
        };
    }

    public Task<ActionExecutionRecord> RunActionAsync(RunAction request, CancellationToken cancellationToken) => direct.RunActionAsync(request, cancellationToken);

    /// <summary>
    /// The text the runtime parses: a workbook's workflow needs its whole workbook (actions, siblings); a
    /// workflow cut from a file of several is given back its <c>version</c> line.
    /// </summary>
    private async Task<string> DefinitionTextAsync(DefinitionRecord workflow, CancellationToken cancellationToken)
    {
        if (workflow.WorkbookName is { } workbookName
            && await store.Definitions.GetAsync(DefinitionKind.Workbook, workbookName, workflow.Namespace, cancellationToken) is { } workbook)
        {
            return workbook.Definition;
        }

        return workflow.Definition.Contains("version:", StringComparison.Ordinal)
            ? workflow.Definition
            : "---\nversion: '2.0'\n\n" + workflow.Definition;
    }

    private async Task<WorkflowExecutionRecord> ExecutionAsync(string id, CancellationToken cancellationToken) =>
        await store.Executions.GetWorkflowExecutionAsync(id, cancellationToken) ?? throw ApiException.NotFound("WorkflowExecution", id);

    private static void Check(EventOutcome outcome, string executionId, string what)
    {
        switch (outcome)
        {
            case EventOutcome.NotFound:
                throw ApiException.NotFound("WorkflowExecution", executionId);
            case EventOutcome.Rejected:
                throw ApiException.Conflict($"The engine refused to {what} execution {executionId} in its current state.");
        }
    }

    private static DictValue Dict(string json) => JsonValues.Parse(json) as DictValue ?? DictValue.Empty;
}
