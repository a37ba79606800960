using Dapper;

namespace Sirocco.Persistence.Sql;

/// <summary>The scheduler's claim of a due cron trigger, inside the unit that starts its execution.</summary>
internal sealed partial class SqlDurableTransaction
{
    public async Task<bool> ClaimCronTriggerAsync(string triggerId, DateTimeOffset expectedNext, DateTimeOffset? next, int? remainingExecutions, CancellationToken cancellationToken)
    {
        // The row lock is taken with SKIP LOCKED so that a second scheduler never waits for the first one's
        // group commit: it sees no row and moves on. If the first one rolls back, the trigger is still due and
        // the next poll fires it. The comparison on the old time makes the claim a compare-and-set: a
        // scheduler that read the trigger before another advanced it changes nothing.
        var found = await Connection.ExecuteScalarAsync<string?>(
            Command(
                $"SELECT id FROM cron_triggers WHERE id = @Id AND next_execution_time = @Expected{dialect.ForUpdateSkipLocked}",
                new { Id = triggerId, Expected = Micros.From(expectedNext) },
                cancellationToken)).ConfigureAwait(false);
        if (found is null)
        {
            return false;
        }

        if (next is null)
        {
            await Connection.ExecuteAsync(Command("DELETE FROM cron_triggers WHERE id = @Id", new { Id = triggerId }, cancellationToken)).ConfigureAwait(false);
            return true;
        }

        await Connection.ExecuteAsync(
            Command(
                "UPDATE cron_triggers SET next_execution_time = @Next, remaining_executions = @Remaining, updated_at = @Now WHERE id = @Id",
                new { Id = triggerId, Next = Micros.From(next.Value), Remaining = (long?)remainingExecutions, Now = Micros.From(options.Clock.GetUtcNow()) },
                cancellationToken)).ConfigureAwait(false);
        return true;
    }
}
