using System.Diagnostics;
using System.Globalization;
using System.Text;
using Sirocco.Engine;
using Sirocco.Engine.Events;
using Sirocco.Expressions.Values;
using Sirocco.Persistence;
using Sirocco.Persistence.Execution;
using Sirocco.Runtime.Durable;
using Sirocco.Transport.Queues;

namespace Sirocco.Bench.Persistence;

/// <summary>
/// Task transitions per second through the durable runtime: many executions of a task chain run at
/// once with instant in-process actions, so the database and the runtime are all that is measured.
/// One transition = one task completing (its action result applied and the next task started).
/// </summary>
internal static class TransitionBench
{
    public static async Task<(double TasksPerSecond, double EventsPerSecond)> RunAsync(ISiroccoStore store, int executions, int chainLength)
    {
        var queue = new InProcessTaskQueue();
        await using var runtime = new DurableRuntime(store, new WorkflowEngine(), new LiteralExpressions(), queue, new DurableRuntimeOptions { NodeId = "bench" });
        await runtime.StartAsync(default);
        using var stop = new CancellationTokenSource();
        var runners = Enumerable.Range(0, 4).Select(_ => Task.Run(() => RunnerAsync(queue, runtime.ResultSink, stop.Token))).ToList();

        var yaml = Chain(chainLength);
        var watch = Stopwatch.StartNew();
        var events = runtime.EventsApplied;
        var ids = await Task.WhenAll(Enumerable.Range(0, executions).Select(async _ =>
        {
            var id = Guid.NewGuid().ToString();
            await runtime.SubmitAsync(new StartWorkflow(id, DictValue.Empty, DictValue.Empty), new ExecutionOrigin("chain", null, "", yaml), default);
            return id;
        }));
        foreach (var id in ids)
        {
            if (await runtime.WaitForCompletionAsync(id, default) != "SUCCESS")
            {
                throw new InvalidOperationException($"execution {id} did not succeed");
            }
        }

        var seconds = watch.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        try
        {
            await Task.WhenAll(runners);
        }
        catch (OperationCanceledException)
        {
            // Runners stop by cancellation.
        }

        Console.WriteLine($"  {store.Provider}: {store.Durable.CommitStatistics.Units} units in {store.Durable.CommitStatistics.Commits} commits");
        return (executions * chainLength / seconds, (runtime.EventsApplied - events) / seconds);
    }

    private static async Task RunnerAsync(ITaskQueue queue, IActionResultSink sink, CancellationToken stop)
    {
        while (true)
        {
            var delivery = await queue.DequeueAsync(RunActionRequest.DefaultTarget, stop);
            _ = Task.Run(async () =>
            {
                await sink.ReportAsync(new ActionResultMessage(delivery.Request.ActionExecutionId, ActionResultKind.Success, "1"), CancellationToken.None);
                await delivery.AckAsync(CancellationToken.None);
            }, CancellationToken.None);
        }
    }

    private static string Chain(int length)
    {
        var yaml = new StringBuilder("version: '2.0'\nchain:\n  tasks:\n");
        for (var i = 0; i < length; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            yaml.Append("    t").Append(n).Append(":\n      action: std.noop\n      publish:\n        v: ").Append(n).Append('\n');
            if (i + 1 < length)
            {
                yaml.Append("      on-success: t").Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        return yaml.ToString();
    }
}
