using Dapper;
using Sirocco.Persistence.Durable;

namespace Sirocco.Persistence.Sql;

/// <summary>The synchronous targeted queries the engine's state view uses during Decide.</summary>
internal sealed partial class SqlDurableTransaction
{
    public StoredExecution? Execution(string executionId) =>
        connection.QuerySingleOrDefault<DurableRows.ExecutionRow>($"SELECT {DurableRows.ExecutionStateColumns} FROM workflow_executions WHERE id = @Id", new { Id = executionId }, transaction)?.ToStored();

    public StoredTask? Task(string taskExecutionId) =>
        connection.QuerySingleOrDefault<DurableRows.TaskRow>($"SELECT {DurableRows.TaskColumns} FROM task_executions WHERE id = @Id", new { Id = taskExecutionId }, transaction)?.ToStored();

    public IReadOnlyList<StoredTask> TasksNamed(string executionId, string name) =>
        connection.Query<DurableRows.TaskRow>($"SELECT {DurableRows.TaskColumns} FROM task_executions WHERE workflow_execution_id = @Id AND name = @Name ORDER BY created_at, id", new { Id = executionId, Name = name }, transaction)
            .Select(r => r.ToStored()).ToList();

    public IReadOnlyList<StoredTask> Tasks(string executionId) =>
        connection.Query<DurableRows.TaskRow>($"SELECT {DurableRows.TaskColumns} FROM task_executions WHERE workflow_execution_id = @Id ORDER BY created_at, id", new { Id = executionId }, transaction)
            .Select(r => r.ToStored()).ToList();

    public int CountIncompleteTasks(string executionId) =>
        connection.ExecuteScalar<int>("SELECT COUNT(*) FROM task_executions WHERE workflow_execution_id = @Id AND state NOT IN ('SUCCESS', 'ERROR', 'CANCELLED')", new { Id = executionId }, transaction);

    public int CountTasks(string executionId) =>
        connection.ExecuteScalar<int>("SELECT COUNT(*) FROM task_executions WHERE workflow_execution_id = @Id", new { Id = executionId }, transaction);

    public StoredAction? Action(string actionExecutionId) =>
        connection.QuerySingleOrDefault<DurableRows.ActionRow>($"SELECT {DurableRows.ActionColumns} FROM action_executions WHERE id = @Id", new { Id = actionExecutionId }, transaction)?.ToStored();

    public IReadOnlyList<StoredAction> ActionsOf(string taskExecutionId) =>
        connection.Query<DurableRows.ActionRow>($"SELECT {DurableRows.ActionColumns} FROM action_executions WHERE task_execution_id = @Id ORDER BY created_at, item_index, id", new { Id = taskExecutionId }, transaction)
            .Select(r => r.ToStored()).ToList();

    public (string Variables, string Lists)? Items(string taskExecutionId)
    {
        var row = connection.QuerySingleOrDefault<(string, string)?>("SELECT variables, lists FROM task_items WHERE task_execution_id = @Id", new { Id = taskExecutionId }, transaction);
        return row;
    }

    public async Task SaveTaskItemsAsync(string taskExecutionId, string variables, string lists, CancellationToken cancellationToken)
    {
        options.CheckFieldSize("TaskExecution", "with_items", lists);
        await connection.ExecuteAsync(Command(
            "INSERT INTO task_items (task_execution_id, variables, lists) VALUES (@Id, @Variables, @Lists) ON CONFLICT (task_execution_id) DO NOTHING",
            new { Id = taskExecutionId, Variables = variables, Lists = lists },
            cancellationToken)).ConfigureAwait(false);
    }
}
