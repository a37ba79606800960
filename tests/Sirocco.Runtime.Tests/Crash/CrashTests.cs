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
/// kill -9 at random moments: a server process runs the 100-execution workload (chains with waits,
/// with-items, retries with delays, calls without safe-rerun) and is killed at least 20 times; a last
/// incarnation runs to the end. Every execution must end exactly as in an uninterrupted run — except
/// that one whose call without safe-rerun was lost in a kill may instead fail with "its runner was
/// lost" — and no call without safe-rerun may have run twice.
/// </summary>
public abstract class CrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Kills = 20;

    private readonly string _sideEffects = Path.Combine(Path.GetTempPath(), $"sirocco-crash-{Guid.NewGuid():N}.log");
    private readonly string _referenceSideEffects = Path.Combine(Path.GetTempPath(), $"sirocco-crash-ref-{Guid.NewGuid():N}.log");
    private readonly DateTimeOffset _anchor = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

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

        Assert.Equal(Kills, kills);
        await using var store = await OpenAsync(target);
        var ran = SideEffects(_sideEffects);
        var lost = 0;
        foreach (var k in Enumerable.Range(0, CrashWorkload.Executions))
        {
            var id = CrashWorkload.Id(k);
            var actual = await CrashWorkload.OutcomeAsync(store, id);
            var calls = ran.GetValueOrDefault(id);
            var unsafeTask = CrashWorkload.UnsafeTask(k);
            if (actual == expected[k])
            {
                // Same end as without crashes: a call without safe-rerun ran exactly once.
                Assert.True(calls == (unsafeTask is null ? 0 : 1), $"execution {k} ended as without crashes, but its call without safe-rerun ran {calls} times:\n{actual}\nfailures: {await CrashWorkload.FailuresAsync(store, id)}");
                continue;
            }

            // The one allowed difference: a call without safe-rerun that a kill interrupted is failed,
            // not run again (it ran at most once). Everything before it ended as without crashes.
            Assert.True(unsafeTask is not null, $"execution {k} differs from the uninterrupted run:\n{actual}\nexpected:\n{expected[k]}");
            Assert.StartsWith("ERROR", actual, StringComparison.Ordinal);
            Assert.Contains($"{unsafeTask}: Heartbeat wasn't received", await CrashWorkload.FailuresAsync(store, id), StringComparison.Ordinal);
            Assert.Contains(CrashWorkload.LostMark, await CrashWorkload.FailuresAsync(store, id), StringComparison.Ordinal);
            var expectedTasks = expected[k].Split('\n').Skip(1).ToHashSet(StringComparer.Ordinal);
            Assert.All(actual.Split('\n').Skip(1), line => Assert.True(expectedTasks.Contains(line) || line.StartsWith($"  {unsafeTask} ERROR ", StringComparison.Ordinal), $"execution {k}: unexpected task line '{line}'"));
            Assert.InRange(calls, 0, 1);
            lost++;
        }

        output.WriteLine($"{kills} kills in {attempts} server starts; {finishedBeforeLastRun} before the last, uninterrupted start; " +
            $"{lost} executions failed by a lost call without safe-rerun; {ran.Values.Sum()} side effects");
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        File.Delete(_sideEffects);
        File.Delete(_referenceSideEffects);
    }

    /// <summary>How many times a call with a side effect ran, per execution; a call that ran twice counts twice.</summary>
    private static Dictionary<string, int> SideEffects(string path) =>
        (File.Exists(path) ? File.ReadAllLines(path) : [])
            .Where(l => l.Length > 0)
            .Select(l => l.Split(' '))
            .GroupBy(p => p[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

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
        var options = new DurableRuntimeOptions { NodeId = "reference", Clock = new ScaledClock(_anchor), TimerPollInterval = TimeSpan.FromMilliseconds(100) };
        await using var host = await RuntimeHost.StartAsync(await OpenAsync(await NewDatabaseAsync()), options, CrashWorkload.Script(_referenceSideEffects));
        await CrashWorkload.StartAllAsync(host.Runtime);
        await CrashWorkload.WaitAllAsync(host.Runtime, default);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, CrashWorkload.Executions).Select(k => CrashWorkload.OutcomeAsync(host.Store, CrashWorkload.Id(k))));
        var ran = SideEffects(_referenceSideEffects);
        Assert.All(Enumerable.Range(0, CrashWorkload.Executions), k => Assert.Equal(CrashWorkload.UnsafeTask(k) is null ? 0 : 1, ran.GetValueOrDefault(CrashWorkload.Id(k))));
        Assert.All(Enumerable.Range(0, CrashWorkload.Executions), k => Assert.StartsWith("SUCCESS", outcomes[k], StringComparison.Ordinal));
        return outcomes;
    }

    private Process StartServer(string target, int killAfterEvents, TaskCompletionSource reached)
    {
        var dotnet = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var info = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true };
        var anchor = _anchor.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var argument in new[] { typeof(CrashHostProgram).Assembly.Location, "crash-host", Provider, target, "crash-node", _sideEffects, anchor })
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
public sealed class SqliteCrashTests(ITestOutputHelper output) : CrashTests(output)
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

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
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
