using System.Data.Common;
using Dapper;

namespace Sirocco.Persistence.Sql;

/// <summary>The one statement that marks outbox rows dispatched, shared by the store and the group-commit unit.</summary>
internal static class OutboxMarks
{
    private const int ChunkSize = 500;

    /// <summary>
    /// Marks the rows in chunks. The ids are bound as parameters, never inlined: Dapper caches (and for
    /// typed parameters compiles) a reader per distinct SQL text, so inlined ids made a new text, a new
    /// cache entry and a JIT compilation per batch. Parameter names keep the texts to one per chunk
    /// length. (An array parameter would work on Npgsql only; <c>IN @x</c> is not valid there.)
    /// </summary>
    public static async Task MarkDispatchedAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<long> outboxIds, long nowMicros, CancellationToken cancellationToken)
    {
        foreach (var chunk in outboxIds.Chunk(ChunkSize))
        {
            var parameters = new DynamicParameters();
            parameters.Add("Now", nowMicros);
            var names = new string[chunk.Length];
            for (var i = 0; i < chunk.Length; i++)
            {
                parameters.Add("i" + i, chunk[i]);
                names[i] = "@i" + i;
            }

            await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE outbox SET dispatched_at = @Now WHERE dispatched_at IS NULL AND id IN ({string.Join(", ", names)})",
                parameters,
                transaction,
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }
}
