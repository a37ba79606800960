using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Sirocco.Api.Executions;
using Sirocco.Api.Http;
using Sirocco.Persistence;
using Sirocco.Persistence.Executions;

namespace Sirocco.Api.Tests.Infrastructure;

/// <summary>
/// Stands in for the workflow runtime: writes execution rows straight into the SQLite tables the real
/// reader reads, so the routes are tested against the real read side. A started execution gets one task
/// (<c>task1</c>) waiting on one delegate action (<c>std.async_noop</c>); completing that action finishes both.
/// Records every call so tests can check what the API asked for.
/// </summary>
public sealed class FakeExecutionRuntime : IExecutionService
{
    private readonly string _connectionString;
    private readonly TimeProvider _clock;
    private readonly IServiceProvider _services;
    private readonly StandaloneExecutionService _direct;

    internal FakeExecutionRuntime(string databasePath, TimeProvider clock, IServiceProvider services)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString();
        _clock = clock;
        _services = services;
        _direct = services.GetRequiredService<StandaloneExecutionService>();
    }

    public List<string> Calls { get; } = [];

    public StartExecution? LastStart { get; private set; }

    private IExecutionReader Reader => _services.GetRequiredService<ISiroccoStore>().Executions;

    public async Task<WorkflowExecutionRecord> StartAsync(StartExecution request, CancellationToken cancellationToken)
    {
        Calls.Add("start " + request.Workflow.Name);
        LastStart = request;
        var id = Guid.NewGuid().ToString();
        var now = Now();
        await ExecuteAsync(
            "INSERT INTO workflow_executions (id, workflow_name, workflow_namespace, workflow_id, description, state, input, output, params, project_id, tags, created_at, updated_at) " +
            "VALUES (@id, @name, @ns, @wfid, @description, 'RUNNING', @input, '{}', @params, '<default-project>', '[]', @now, @now)",
            ("id", id), ("name", request.Workflow.Name), ("ns", request.Workflow.Namespace), ("wfid", request.Workflow.Id),
            ("description", request.Description), ("input", request.InputJson), ("params", request.ParamsJson), ("now", now));
        await AddTaskAsync(id, "task1", "RUNNING", now);
        return await GetExecutionAsync(id, cancellationToken);
    }

    /// <summary>Adds a task with one action execution in the same state; returns (task id, action execution id).</summary>
    public async Task<(string TaskId, string ActionId)> AddTaskAsync(string executionId, string name, string state, long? at = null, string type = "ACTION")
    {
        var now = at ?? Now();
        var taskId = Guid.NewGuid().ToString();
        var actionId = Guid.NewGuid().ToString();
        await ExecuteAsync(
            "INSERT INTO task_executions (id, workflow_execution_id, name, type, state, published, runtime_context, processed, project_id, tags, created_at, updated_at, started_at) " +
            "VALUES (@id, @ex, @name, @type, @state, '{}', '{}', 0, '<default-project>', '[]', @now, @now, @now)",
            ("id", taskId), ("ex", executionId), ("name", name), ("type", type), ("state", state), ("now", now));
        var output = state == "ERROR" ? "{\"result\": \"boom\"}" : state == "SUCCESS" ? "{\"result\": 1}" : null;
        await ExecuteAsync(
            "INSERT INTO action_executions (id, task_execution_id, workflow_execution_id, name, state, accepted, input, output, project_id, created_at, updated_at) " +
            "VALUES (@id, @task, @ex, 'std.async_noop', @state, @accepted, '{}', @output, '<default-project>', @now, @now)",
            ("id", actionId), ("task", taskId), ("ex", executionId), ("state", state), ("accepted", state == "RUNNING" ? 0 : 1), ("output", output), ("now", now));
        return (taskId, actionId);
    }

    /// <summary>Adds a sub-workflow execution below <paramref name="taskId"/>.</summary>
    public async Task<string> AddSubExecutionAsync(string taskId, string rootId, string state)
    {
        var id = Guid.NewGuid().ToString();
        var now = Now();
        await ExecuteAsync(
            "INSERT INTO workflow_executions (id, workflow_name, workflow_namespace, state, input, output, params, task_execution_id, root_execution_id, project_id, tags, created_at, updated_at) " +
            "VALUES (@id, 'sub_wf', '', @state, '{}', '{}', '{}', @task, @root, '<default-project>', '[]', @now, @now)",
            ("id", id), ("state", state), ("task", taskId), ("root", rootId), ("now", now));
        return id;
    }

    public async Task<WorkflowExecutionRecord> ChangeStateAsync(string executionId, string state, string? stateInfo, string? envJson, CancellationToken cancellationToken)
    {
        Calls.Add($"state {executionId} {state}");
        var output = state == "CANCELLED" ? new JsonObject { ["result"] = stateInfo }.ToJsonString() : null;
        await ExecuteAsync("UPDATE workflow_executions SET state = @state, state_info = @info, output = COALESCE(@output, output), updated_at = @now WHERE id = @id",
            ("state", state), ("info", stateInfo), ("output", output), ("now", Now()), ("id", executionId));
        return await GetExecutionAsync(executionId, cancellationToken);
    }

    public async Task<WorkflowExecutionRecord> UpdateAsync(string executionId, string? description, string? envJson, CancellationToken cancellationToken)
    {
        Calls.Add($"update {executionId}");
        await ExecuteAsync("UPDATE workflow_executions SET description = COALESCE(@description, description), updated_at = @now WHERE id = @id",
            ("description", description), ("now", Now()), ("id", executionId));
        return await GetExecutionAsync(executionId, cancellationToken);
    }

    public async Task DeleteAsync(string executionId, bool force, CancellationToken cancellationToken)
    {
        Calls.Add($"delete {executionId}");
        await ExecuteAsync("DELETE FROM action_executions WHERE workflow_execution_id = @id", ("id", executionId));
        await ExecuteAsync("DELETE FROM task_executions WHERE workflow_execution_id = @id", ("id", executionId));
        await ExecuteAsync("DELETE FROM workflow_executions WHERE id = @id", ("id", executionId));
    }

    public async Task<TaskExecutionRecord> RerunTaskAsync(string taskExecutionId, bool reset, string? envJson, CancellationToken cancellationToken)
    {
        Calls.Add($"rerun {taskExecutionId} reset={reset} env={envJson}");
        await ExecuteAsync("UPDATE task_executions SET state = 'RUNNING', state_info = NULL, updated_at = @now WHERE id = @id", ("now", Now()), ("id", taskExecutionId));
        await ExecuteAsync("UPDATE workflow_executions SET state = 'RUNNING', updated_at = @now WHERE id = (SELECT workflow_execution_id FROM task_executions WHERE id = @id)",
            ("now", Now()), ("id", taskExecutionId));
        return await Reader.GetTaskExecutionAsync(taskExecutionId, cancellationToken) ?? throw ApiException.NotFound("TaskExecution", taskExecutionId);
    }

    public async Task<ActionExecutionRecord> CompleteActionAsync(string actionExecutionId, ActionCompletion completion, CancellationToken cancellationToken)
    {
        Calls.Add($"complete {actionExecutionId} {completion.State} {completion.OutputJson}");
        var output = completion.OutputJson is null ? null : new JsonObject { ["result"] = JsonNode.Parse(completion.OutputJson) }.ToJsonString();
        var final = completion.State is "SUCCESS" or "ERROR" or "CANCELLED";
        await ExecuteAsync("UPDATE action_executions SET state = @state, output = COALESCE(@output, output), accepted = @accepted, updated_at = @now WHERE id = @id",
            ("state", completion.State), ("output", output), ("accepted", final ? 1 : 0), ("now", Now()), ("id", actionExecutionId));
        if (final)
        {
            await ExecuteAsync("UPDATE task_executions SET state = @state, processed = 1, finished_at = @now, updated_at = @now WHERE id = (SELECT task_execution_id FROM action_executions WHERE id = @id)",
                ("state", completion.State), ("now", Now()), ("id", actionExecutionId));
            await ExecuteAsync("UPDATE workflow_executions SET state = @state, output = @output, updated_at = @now WHERE id = (SELECT workflow_execution_id FROM action_executions WHERE id = @id)",
                ("state", completion.State), ("output", completion.OutputJson ?? "{}"), ("now", Now()), ("id", actionExecutionId));
        }

        return await Reader.GetActionExecutionAsync(actionExecutionId, cancellationToken) ?? throw ApiException.NotFound("ActionExecution", actionExecutionId);
    }

    /// <summary>Does not try: the API's ordinary completion path (read, checks, <see cref="CompleteActionAsync"/>) is what these tests see.</summary>
    public Task<(ActionExecutionRecord? Current, ActionExecutionRecord? Completed)> TryCompleteActionAsync(
        string actionExecutionId, ActionCompletion completion, Func<ActionExecutionRecord, bool> plain, CancellationToken cancellationToken) =>
        Task.FromResult<(ActionExecutionRecord?, ActionExecutionRecord?)>((null, null));

    public Task<ActionExecutionRecord> RunActionAsync(RunAction request, CancellationToken cancellationToken)
    {
        Calls.Add("run " + request.Name);
        return _direct.RunActionAsync(request, cancellationToken);
    }

    /// <summary>Sets the state of an execution directly (to set up a test).</summary>
    public Task SetExecutionStateAsync(string executionId, string state) =>
        ExecuteAsync("UPDATE workflow_executions SET state = @state WHERE id = @id", ("state", state), ("id", executionId));

    private async Task<WorkflowExecutionRecord> GetExecutionAsync(string id, CancellationToken cancel) =>
        await Reader.GetWorkflowExecutionAsync(id, cancel) ?? throw ApiException.NotFound("WorkflowExecution", id);

    private long Now() => (_clock.GetUtcNow().UtcTicks - DateTimeOffset.UnixEpoch.Ticks) / 10;

    private async Task ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue("@" + name, value ?? DBNull.Value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
