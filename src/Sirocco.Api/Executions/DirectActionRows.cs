using Sirocco.Persistence;
using Sirocco.Persistence.Durable;

namespace Sirocco.Api.Executions;

/// <summary>
/// Rows of actions run outside any workflow with <c>save_result</c> (Mistral stores them as action executions
/// without a task). They are written through the durable store's transactions, like the engine's rows, and
/// change only while RUNNING, so a result and a concurrent webhook completion cannot both win.
/// </summary>
internal static class DirectActionRows
{
    public static StoredAction Running(string id, RunAction request, DateTimeOffset now) => new()
    {
        Id = id,
        Name = request.Name,
        State = ExecutionStates.Running,
        InputJson = request.InputJson,
        Description = request.Description,
        ProjectId = Projects.ProjectScope.Owner,
        CreatedAt = now,
    };

    public static Task InsertAsync(ISiroccoStore store, StoredAction row, CancellationToken cancellationToken) =>
        store.Durable.ExecuteAsync(
            async (tx, ct) =>
            {
                await tx.SaveActionsAsync([row], ct);
                return 0;
            },
            cancellationToken);

    /// <summary>
    /// Moves a RUNNING (or PAUSED) direct action to <paramref name="state"/>; <paramref name="wrappedOutputJson"/> is
    /// already <c>{"result": …}</c>. False when the row is gone, belongs to a workflow or has already finished.
    /// </summary>
    public static Task<bool> FinishAsync(ISiroccoStore store, string id, string state, string? wrappedOutputJson, string? stateInfo, DateTimeOffset now, CancellationToken cancellationToken) =>
        store.Durable.ExecuteAsync(
            async (tx, ct) =>
            {
                var current = await tx.GetActionAsync(id, ct);
                if (current is null || current.WorkflowExecutionId is not null || ExecutionStates.IsCompleted(current.State))
                {
                    return false;
                }

                var completed = ExecutionStates.IsCompleted(state);
                await tx.SaveActionsAsync([current with
                {
                    State = state,
                    OutputJson = wrappedOutputJson ?? current.OutputJson,
                    StateInfo = stateInfo,
                    Accepted = completed,
                    UpdatedAt = now,
                }], ct);
                return true;
            },
            cancellationToken);
}
