using Dapper;
using Sirocco.Engine.State;
using Sirocco.Persistence.Durable;
using Sirocco.Persistence.Executions;
using static Sirocco.Persistence.Sql.SqlParameter;

namespace Sirocco.Persistence.Sql;

/// <summary>The synchronous targeted queries the engine's state view uses during Decide (prepared once per writer connection).</summary>
internal sealed partial class SqlDurableTransaction
{
    private const string ExecutionById = $"SELECT {DurableRows.ExecutionStateColumns} FROM workflow_executions WHERE id = @Id";
    private const string TaskById = $"SELECT {DurableRows.TaskColumns} FROM task_executions WHERE id = @Id";
    private const string TaskVersionById = "SELECT version FROM task_executions WHERE id = @Id";
    private const string TasksByName = $"SELECT {DurableRows.TaskColumns} FROM task_executions WHERE workflow_execution_id = @Id AND name = @Name ORDER BY created_at, id";
    private const string TasksOfExecution = $"SELECT {DurableRows.TaskColumns} FROM task_executions WHERE workflow_execution_id = @Id ORDER BY created_at, id";
    private const string IncompleteTaskCount = "SELECT COUNT(*) FROM task_executions WHERE workflow_execution_id = @Id AND state NOT IN ('SUCCESS', 'ERROR', 'CANCELLED')";
    private const string TaskCount = "SELECT COUNT(*) FROM task_executions WHERE workflow_execution_id = @Id";
    private const string ActionById = $"SELECT {DurableRows.ActionColumns} FROM action_executions WHERE id = @Id";
    private const string ActionsOfTask = $"SELECT {DurableRows.ActionColumns} FROM action_executions WHERE task_execution_id = @Id ORDER BY created_at, item_index, id";
    private static readonly string ActionExecutionById = ActionExecutionRow.Select(includeOutput: true) + " WHERE a.id = @Id";

    /// <summary>The API's view of the action, read on the writer's connection: its pages are in cache and the statement is kept prepared.</summary>
    public Task<ActionExecutionRecord?> ReadActionExecutionAsync(string actionExecutionId, CancellationToken cancellationToken) =>
        System.Threading.Tasks.Task.FromResult(statements.Query<ActionExecutionRow>(transaction, ActionExecutionById, [Text("@Id", actionExecutionId)]).SingleOrDefault()?.ToRecord());

    public StoredExecution? Execution(string executionId) =>
        statements.Query<DurableRows.ExecutionRow>(transaction, ExecutionById, [Text("@Id", executionId)]).SingleOrDefault()?.ToStored();

    public StoredTask? Task(string taskExecutionId) =>
        statements.Query<DurableRows.TaskRow>(transaction, TaskById, [Text("@Id", taskExecutionId)]).ConvertAll(Read).SingleOrDefault();

    public TaskExecution? KeptTask(string taskExecutionId)
    {
        if (!tasks.Holds(taskExecutionId)
            || statements.Scalar<long?>(transaction, TaskVersionById, [Text("@Id", taskExecutionId)]) is not { } version
            || tasks.Find(taskExecutionId, version) is not { } kept)
        {
            return null;
        }

        _taskStates[taskExecutionId] = kept.State.ToMistral();
        return kept;
    }

    public IReadOnlyList<StoredTask> TasksNamed(string executionId, string name) =>
        statements.Query<DurableRows.TaskRow>(transaction, TasksByName, [Text("@Id", executionId), Text("@Name", name)]).ConvertAll(Read);

    public IReadOnlyList<StoredTask> Tasks(string executionId) =>
        statements.Query<DurableRows.TaskRow>(transaction, TasksOfExecution, [Text("@Id", executionId)]).ConvertAll(Read);

    public int CountIncompleteTasks(string executionId) =>
        (int)statements.Scalar<long>(transaction, IncompleteTaskCount, [Text("@Id", executionId)]);

    public int CountTasks(string executionId) =>
        (int)statements.Scalar<long>(transaction, TaskCount, [Text("@Id", executionId)]);

    public StoredAction? Action(string actionExecutionId) =>
        statements.Query<DurableRows.ActionRow>(transaction, ActionById, [Text("@Id", actionExecutionId)]).SingleOrDefault()?.ToStored();

    public IReadOnlyList<StoredAction> ActionsOf(string taskExecutionId) =>
        statements.Query<DurableRows.ActionRow>(transaction, ActionsOfTask, [Text("@Id", taskExecutionId)]).ConvertAll(r => r.ToStored());

    /// <summary>Remembers the state each task was read in, so its history line is written only when a decision changes it.</summary>
    private StoredTask Read(DurableRows.TaskRow row)
    {
        _taskStates[row.Id] = row.State;
        return row.ToStored();
    }

    public (string Variables, string Lists)? Items(string taskExecutionId)
    {
        var row = Connection.QuerySingleOrDefault<(string, string)?>("SELECT variables, lists FROM task_items WHERE task_execution_id = @Id", new { Id = taskExecutionId }, transaction);
        return row;
    }

    public async Task SaveTaskItemsAsync(string taskExecutionId, string variables, string lists, CancellationToken cancellationToken)
    {
        options.CheckFieldSize("TaskExecution", "with_items", lists);
        await Connection.ExecuteAsync(Command(
            "INSERT INTO task_items (task_execution_id, variables, lists) VALUES (@Id, @Variables, @Lists) ON CONFLICT (task_execution_id) DO NOTHING",
            new { Id = taskExecutionId, Variables = variables, Lists = lists },
            cancellationToken)).ConfigureAwait(false);
    }
}
