using System.Data.Common;
using System.Diagnostics;

namespace Sirocco.Bench.Persistence;

/// <summary>The database's own ceiling: one small INSERT per transaction, committed one after another.</summary>
internal static class RawCommits
{
    public static async Task<double> PerSecondAsync(Func<Task<DbConnection>> open, TimeSpan duration)
    {
        await using var connection = await open();
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE IF NOT EXISTS bench_raw (id BIGINT PRIMARY KEY, payload TEXT NOT NULL)";
            await create.ExecuteNonQueryAsync();
        }

        var count = 0L;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO bench_raw (id, payload) VALUES ({count}, 'a small row of about sixty bytes to look like a state change')";
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
            count++;
        }

        return count / watch.Elapsed.TotalSeconds;
    }
}
