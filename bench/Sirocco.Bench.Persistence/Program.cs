using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using Sirocco.Bench.Persistence;
using Sirocco.Persistence.Postgres;
using Sirocco.Persistence.Sqlite;

// Usage: dotnet run -c Release --project bench/Sirocco.Bench.Persistence [executions] [chain-length] [seconds-for-raw-commits] [rounds] [sqlite|postgres|both]
// Prints, for SQLite and PostgreSQL on this machine: the raw commit rate (one small INSERT per
// fsync'd commit, sequential) next to task transitions per second through the durable runtime.
// With rounds > 1 the transitions run that many times on one store and the last round counts
// (the first rounds warm up the JIT); handy under a profiler.
var executions = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50;
var chainLength = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 40;
var rawSeconds = TimeSpan.FromSeconds(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5);
var rounds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1;
var databases = args.Length > 4 ? args[4] : "both";
var folder = Directory.CreateTempSubdirectory("sirocco-bench-");
var results = new List<string>();
try
{
    var rawPath = Path.Combine(folder.FullName, "raw.db");
    var rawSqlite = await RawCommits.PerSecondAsync(
        async () =>
        {
            var connection = new SqliteConnection($"Data Source={rawPath}");
            await connection.OpenAsync();
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;";
            await pragmas.ExecuteNonQueryAsync();
            return connection;
        },
        rawSeconds);
    await using (var sqlite = await SqliteStore.OpenAsync(new SqliteStoreOptions { Path = Path.Combine(folder.FullName, "sirocco.db") }, default))
    {
        var (tasks, events) = await RoundsAsync(() => TransitionBench.RunAsync(sqlite, executions, chainLength));
        results.Add(Line("SQLite (WAL; raw: synchronous=FULL)", rawSqlite, tasks, events));
    }

    if (databases != "sqlite")
    {
        await using var postgres = await ThrowawayPostgres.StartAsync();
        var rawPostgres = await RawCommits.PerSecondAsync(
            async () =>
            {
                var connection = new NpgsqlConnection(postgres.ConnectionString);
                await connection.OpenAsync();
                return connection;
            },
            rawSeconds);
        await using (var store = await PostgresStore.OpenAsync(new PostgresStoreOptions { ConnectionString = postgres.ConnectionString }, default))
        {
            var (tasks, events) = await RoundsAsync(() => TransitionBench.RunAsync(store, executions, chainLength));
            results.Add(Line("PostgreSQL (synchronous_commit=on)", rawPostgres, tasks, events));
        }
    }
}
finally
{
    SqliteConnection.ClearAllPools();
    folder.Delete(recursive: true);
}

Console.WriteLine($"{executions} concurrent executions x {chainLength}-task chains, instant in-process actions, {Environment.ProcessorCount} cores");
Console.WriteLine($"{"database",-36} {"raw commits/s",14} {"task transitions/s",19} {"events/s",10}");
foreach (var line in results)
{
    Console.WriteLine(line);
}

async Task<(double Tasks, double Events)> RoundsAsync(Func<Task<(double, double)>> round)
{
    var last = (0.0, 0.0);
    for (var i = 0; i < rounds; i++)
    {
        last = await round();
    }

    return last;
}

static string Line(string name, double raw, double tasks, double events) =>
    string.Create(CultureInfo.InvariantCulture, $"{name,-36} {raw,14:F0} {tasks,19:F0} {events,10:F0}");
