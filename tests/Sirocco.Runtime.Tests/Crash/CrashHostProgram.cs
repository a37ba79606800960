using Sirocco.Engine;
using Sirocco.Persistence;
using Sirocco.Persistence.Postgres;
using Sirocco.Persistence.Sqlite;
using Sirocco.Runtime.Durable;
using Sirocco.Runtime.Tests.Infrastructure;
using Sirocco.Transport.Queues;

namespace Sirocco.Runtime.Tests.Crash;

/// <summary>
/// Entry point of this assembly when started as a process: <c>crash-host sqlite|postgres &lt;path or
/// connection string&gt; &lt;node&gt; &lt;side-effects file&gt; &lt;clock anchor, Unix ms&gt;</c> runs one server
/// incarnation over the crash workload until every execution is finished (exit 0), unless it is killed
/// first. The test runner never calls it.
/// </summary>
public static class CrashHostProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is not ["crash-host", var provider, var target, var node, var sideEffects, var anchor])
        {
            return 2;
        }

        var clock = new ScaledClock(DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(anchor, System.Globalization.CultureInfo.InvariantCulture)));
        ISiroccoStore store = provider == "sqlite"
            ? await SqliteStore.OpenAsync(new SqliteStoreOptions { Path = target }, default)
            : await PostgresStore.OpenAsync(new PostgresStoreOptions { ConnectionString = target }, default);
        var queue = new InProcessTaskQueue();
        await using var runtime = new DurableRuntime(store, new WorkflowEngine(), new NoExpressions(), queue, new DurableRuntimeOptions { NodeId = node, Clock = clock, TimerPollInterval = TimeSpan.FromMilliseconds(100) });
        await using var runner = new ScriptedRunner(queue, runtime.ResultSink, CrashWorkload.Script(sideEffects), concurrent: true);
        await runtime.StartAsync(default);
        await Console.Out.WriteLineAsync("STARTED");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));

        // Progress for the test, which picks its kill moment by the number of events applied after recovery.
        var recovered = runtime.EventsApplied;
        var progress = Task.Run(async () =>
        {
            while (!timeout.IsCancellationRequested)
            {
                await Console.Out.WriteLineAsync("EVENTS " + (runtime.EventsApplied - recovered).ToString(System.Globalization.CultureInfo.InvariantCulture));
                await Task.Delay(20, timeout.Token);
            }
        });
        await CrashWorkload.StartAllAsync(runtime);
        await CrashWorkload.WaitAllAsync(runtime, timeout.Token);
        await Console.Out.WriteLineAsync("ALL-DONE");
        return 0;
    }
}
