using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Sirocco.Bench;

/// <summary>
/// How many durable SQLite commits this disk takes per second right now (WAL, synchronous=FULL, one
/// tiny INSERT per commit, one after another) — Sirocco's settings. A sequential chain needs one
/// commit per task, so this is the ceiling for <c>chain</c> whatever the CPU.
/// </summary>
internal static class CommitProbe
{
    public static double CommitsPerSecond(TimeSpan duration)
    {
        var folder = Directory.CreateTempSubdirectory("sirocco-bench-commits-");
        try
        {
            using var connection = new SqliteConnection($"Data Source={Path.Combine(folder.FullName, "probe.db")};Pooling=False");
            connection.Open();
            using (var setup = connection.CreateCommand())
            {
                setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE t (v INTEGER);";
                setup.ExecuteNonQuery();
            }

            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO t (v) VALUES (1);";
            var clock = Stopwatch.StartNew();
            var commits = 0;
            while (clock.Elapsed < duration)
            {
                insert.ExecuteNonQuery(); // Autocommit: one transaction, one fsync of the log.
                commits++;
            }

            return commits / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
