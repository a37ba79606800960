using Sirocco.Persistence.Querying;

namespace Sirocco.Persistence.CronTriggers;

/// <summary>Cron triggers, and the compare-and-set the scheduler uses so that one firing happens once across processes.</summary>
public interface ICronTriggerStore
{
    /// <summary>Inserts; throws <see cref="DuplicateEntryException"/> when the name is taken.</summary>
    Task CreateAsync(CronTriggerRecord trigger, CancellationToken cancellationToken);

    /// <summary>Finds by id or name.</summary>
    Task<CronTriggerRecord?> GetAsync(string idOrName, CancellationToken cancellationToken);

    /// <summary>Deletes by id or name; false when nothing matched.</summary>
    Task<bool> DeleteAsync(string idOrName, CancellationToken cancellationToken);

    /// <summary>One page. Filter fields: id, name, pattern, workflow_name, workflow_id, scope, project_id, next_execution_time, remaining_executions, created_at, updated_at.</summary>
    Task<IReadOnlyList<CronTriggerRecord>> ListAsync(ListQuery query, CancellationToken cancellationToken);

    /// <summary>Triggers whose next time is at or before <paramref name="now"/>, oldest first.</summary>
    Task<IReadOnlyList<CronTriggerRecord>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken);
}
