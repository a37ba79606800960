using Dapper;
using Sirocco.Persistence.Durable;

namespace Sirocco.Persistence.Sql;

/// <summary>The reads start-up recovery needs to send a handed-over call again that no runner claimed.</summary>
internal sealed partial class SqlDurableStore
{
    // Few executions at a time keep the statement short; recovery pages through them.
    private const int ExecutionIdsPerStatement = 100;

    // A SENT call with a claimed_by was marked by a version before claims (migration 0020): it may have started.
    public Task<IReadOnlyList<StoredAction>> ListUnclaimedActionsAsync(string runner, int limit, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<StoredAction>>(
            async connection => (await connection.QueryAsync<DurableRows.ActionRow>(
                new CommandDefinition(
                    $"SELECT {DurableRows.ActionColumns} FROM action_executions WHERE state = 'RUNNING' AND type = 'ACTION' AND runner = @Runner AND runner_state = 'SENT' AND claimed_by IS NULL ORDER BY created_at, id LIMIT @Limit",
                    new { Runner = runner, Limit = limit },
                    cancellationToken: cancellationToken)).ConfigureAwait(false))
                .Select(r => r.ToStored()).ToList(),
            cancellationToken);

    public Task<IReadOnlyList<OutboxMessage>> ListOutboxAsync(IReadOnlyList<string> executionIds, string kind, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<OutboxMessage>>(
            async connection =>
            {
                var all = new List<OutboxMessage>();
                foreach (var chunk in executionIds.Distinct(StringComparer.Ordinal).Chunk(ExecutionIdsPerStatement))
                {
                    var parameters = new DynamicParameters();
                    parameters.Add("Kind", kind);
                    var names = new List<string>(chunk.Length);
                    for (var i = 0; i < chunk.Length; i++)
                    {
                        parameters.Add("e" + i, chunk[i]);
                        names.Add("@e" + i);
                    }

                    var sql = $"SELECT id, execution_id, kind, payload, created_at FROM outbox WHERE kind = @Kind AND execution_id IN ({string.Join(", ", names)}) ORDER BY id";
                    all.AddRange((await connection.QueryAsync<DurableRows.OutboxRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false)).Select(r => r.ToMessage()));
                }

                return all.OrderBy(m => m.Id).ToList();
            },
            cancellationToken);
}
