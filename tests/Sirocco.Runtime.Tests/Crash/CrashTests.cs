using System.Diagnostics;
using Sirocco.Persistence;
using Sirocco.Persistence.Postgres;
using Sirocco.Persistence.Sqlite;
using Sirocco.Persistence.Tests.Infrastructure;
using Sirocco.Runtime.Durable;
using Sirocco.Runtime.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Sirocco.Runtime.Tests.Crash;

/// <summary>
/// kill -9 at random moments: a server process runs the 100-execution workload and is killed at
/// least 20 times; a last incarnation runs to the end. Every execution must end exactly as in an
/// uninterrupted run of the same workload.
/// </summary>
public abstract class CrashTests(ITestOutputHelper output)
{
    private const int Kills = 20;

    protected abstract string Provider { get; }

    /// <summary>A fresh database: a file path or a connection string.</summary>
    protected abstract Task<string> NewDatabaseAsync();

    protected abstract Task<ISiroccoStore> OpenAsync(string target);

    [Fact]
    public async Task Killed_servers_leave_every_execution_ending_as_an_uninterrupted_run()
    {
        var expected = await UninterruptedOutcomesAsync();
        var target = await NewDatabaseAsync();
        var random = new Random(7);
        var kills = 0;
        var attempts = 0;
        while (kills < Kills)
        {
            Assert.True(++attempts < Kills * 5, "the workload kept finishing before it could be killed");
            // The point of the test is a kill at an arbitrary moment of the server's life. Most kills
            // come after a random number of applied events (mid-dispatch, mid-commit, between
            // groups); some at a random time from launch, which lands in start-up or recovery.
            var killAfterEvents = random.Next(4) > 0 ? random.Next(1, 60) : -1;
            var reached = new TaskCompletionSource();
            using var server = StartServer(target, killAfterEvents, reached);
            if (killAfterEvents > 0)
            {
                await Task.WhenAny(reached.Task, server.WaitForExitAsync()).WaitAsync(TimeSpan.FromMinutes(2));
            }
            else
            {
                await Task.Delay(random.Next(0, 1500));
            }
            if (server.HasExited)
            {
                continue;
            }

            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            kills++;
        }

        var finishedBeforeLastRun = await FinishedCountAsync(target);
        using (var last = StartServer(target, -1, new TaskCompletionSource()))
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
            await last.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, last.ExitCode);
        }

        output.WriteLine($"{kills} kills in {attempts} server starts; {finishedBeforeLastRun} before the last, uninterrupted start");
        Assert.Equal(Kills, kills);
        await using var store = await OpenAsync(target);
        foreach (var k in Enumerable.Range(0, CrashWorkload.Executions))
        {
            Assert.Equal(expected[k], await CrashWorkload.OutcomeAsync(store, CrashWorkload.Id(k)));
        }
    }

    private async Task<string> FinishedCountAsync(string target)
    {
        await using var store = await OpenAsync(target);
        var finished = 0;
        foreach (var k in Enumerable.Range(0, CrashWorkload.Executions))
        {
            finished += (await store.Executions.GetWorkflowExecutionAsync(CrashWorkload.Id(k), default))?.State is "SUCCESS" or "ERROR" or "CANCELLED" ? 1 : 0;
        }

        var tasks = await store.Executions.ListTaskExecutionsAsync(new Persistence.Querying.ListQuery { Filters = [Persistence.Querying.FieldFilter.Equal("state", "SUCCESS")] }, default);
        var lost = await store.Executions.ListActionExecutionsAsync(new Persistence.Querying.ListQuery { Filters = [Persistence.Querying.FieldFilter.Equal("state", "ERROR")] }, false, default);
        return $"{finished} executions and {tasks.Count} tasks finished, {lost.Count} lost actions rerun,";
    }

    private async Task<string[]> UninterruptedOutcomesAsync()
    {
        await using var host = await RuntimeHost.StartAsync(await OpenAsync(await NewDatabaseAsync()), new DurableRuntimeOptions { NodeId = "reference" });
        await CrashWorkload.StartAllAsync(host.Runtime);
        await CrashWorkload.WaitAllAsync(host.Runtime, default);
        return await Task.WhenAll(Enumerable.Range(0, CrashWorkload.Executions).Select(k => CrashWorkload.OutcomeAsync(host.Store, CrashWorkload.Id(k))));
    }

    private Process StartServer(string target, int killAfterEvents, TaskCompletionSource reached)
    {
        var dotnet = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var info = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { typeof(CrashHostProgram).Assembly.Location, "crash-host", Provider, target, "crash-node" })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start the crash host");
        process.OutputDataReceived += (_, e) =>
        {
            if (killAfterEvents > 0 && e.Data is { } line && line.StartsWith("EVENTS ", StringComparison.Ordinal) && int.Parse(line[7..], System.Globalization.CultureInfo.InvariantCulture) >= killAfterEvents)
            {
                reached.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                output.WriteLine("host: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}

/// <summary>The crash test on SQLite files.</summary>
public sealed class SqliteCrashTests(ITestOutputHelper output) : CrashTests(output), IDisposable
{
    private readonly List<TempSqliteFile> _files = [];

    protected override string Provider => "sqlite";

    protected override Task<string> NewDatabaseAsync()
    {
        var file = new TempSqliteFile();
        _files.Add(file);
        return Task.FromResult(file.Path);
    }

    protected override async Task<ISiroccoStore> OpenAsync(string target) =>
        await SqliteStore.OpenAsync(new SqliteStoreOptions { Path = target }, default);

    public void Dispose()
    {
        foreach (var file in _files)
        {
            file.Dispose();
        }
    }
}

/// <summary>The crash test on the shared throwaway PostgreSQL cluster.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresCrashTests(PostgresCluster cluster, ITestOutputHelper output) : CrashTests(output)
{
    protected override string Provider => "postgres";

    protected override Task<string> NewDatabaseAsync() => cluster.CreateDatabaseAsync();

    protected override async Task<ISiroccoStore> OpenAsync(string target) =>
        await PostgresStore.OpenAsync(new PostgresStoreOptions { ConnectionString = target }, default);
}
