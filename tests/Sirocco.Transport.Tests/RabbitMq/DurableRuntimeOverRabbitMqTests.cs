using Sirocco.Engine;
using Sirocco.Engine.Events;
using Sirocco.Expressions;
using Sirocco.Expressions.Values;
using Sirocco.Persistence.Execution;
using Sirocco.Persistence.Sqlite;
using Sirocco.Runtime.Durable;
using Sirocco.Transport.Queues;
using Sirocco.Transport.RabbitMq;
using Sirocco.Transport.Tests.Support;
using Xunit.Abstractions;

namespace Sirocco.Transport.Tests.RabbitMq;

/// <summary>
/// The durable runtime as engine node with RabbitMQ as its task queue (outbox → confirmed publish) and a
/// result pump, and two executor processes. Mixed workflows (with-items, a sub-workflow, retries, an
/// error handler) run while one executor is killed with SIGKILL and the broker is restarted; each must end
/// exactly like the uninterrupted run made first.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class DurableRuntimeOverRabbitMqTests(RabbitMqBroker broker, ITestOutputHelper output)
{
    internal const string Mixed = """
        version: '2.0'
        mixed:
          tasks:
            fan:
              with-items: x in <% [1, 2, 3, 4, 5] %>
              action: std.echo output=<% $.x %>
              safe-rerun: true
              publish:
                fanned: <% task().result %>
              on-success: sub
            sub:
              workflow: child
              on-success: flaky
            flaky:
              action: std.fail
              safe-rerun: true
              retry:
                count: 2
                delay: 0
              on-error: done
            done:
              action: std.echo output='done'
              safe-rerun: true
              publish:
                finished: <% task().result %>
        child:
          tasks:
            one:
              action: std.echo output='child'
              safe-rerun: true
        """;

    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task MixedWorkflows_SurviveAKilledExecutorAndABrokerRestart_WithTheUninterruptedResults()
    {
        const int executions = 60;
        var prefix = "d" + Guid.NewGuid().ToString("N")[..10];
        var dir = Path.Combine(Path.GetTempPath(), "sirocco-durable-" + prefix);
        Directory.CreateDirectory(dir);
        var options = new RabbitMqOptions { Uri = broker.Uri, Prefix = prefix, ReconnectDelayMax = TimeSpan.FromSeconds(1) };
        await using var connection = new RabbitMqConnection(options, StderrLoggerFactory.FromEnvironment());
        await using var store = await SqliteStore.OpenAsync(new SqliteStoreOptions { Path = Path.Combine(dir, "sirocco.db") }, default);
        await using var runtime = new DurableRuntime(
            store,
            new WorkflowEngine(),
            Expressions.Expressions.CreateEvaluator(),
            new RabbitMqTaskQueue(connection),
            new DurableRuntimeOptions { NodeId = "engine-1", TimerPollInterval = TimeSpan.FromMilliseconds(50) });
        await runtime.StartAsync(default);
        using var stopPump = new CancellationTokenSource();
        await using var results = new RabbitMqActionResultQueue(connection);
        var pump = new ActionResultPump(results, runtime.ResultSink).RunAsync(stopPump.Token);
        await using var claimServer = new RabbitMqClaimServer(connection, runtime.ClaimActionAsync);
        var claims = claimServer.RunAsync(stopPump.Token);
        await using var doomed = ExecutorProcess.Start(broker.Uri, prefix, concurrency: 4, Path.Combine(dir, "executor-1.log"));
        await using var survivor = ExecutorProcess.Start(broker.Uri, prefix, concurrency: 4, Path.Combine(dir, "executor-2.log"));
        await doomed.WaitHealthyAsync(Deadline);
        await survivor.WaitHealthyAsync(Deadline);

        var baseline = await RunAsync(runtime, store);
        var runs = new List<Task<(string State, string? Output)>>();
        for (var i = 0; i < executions; i++)
        {
            runs.Add(RunAsync(runtime, store));
        }

        await Poll.UntilAsync(() => runs.Count(r => r.IsCompleted) >= 10, Deadline);
        await doomed.KillAsync();
        await Poll.UntilAsync(() => runs.Count(r => r.IsCompleted) >= 25, Deadline);
        await broker.RestartAsync();
        var ended = await Task.WhenAll(runs).WaitAsync(Deadline);
        await stopPump.CancelAsync();
        await pump;
        await claims;

        output.WriteLine($"baseline {baseline.State} {baseline.Output}; {executions} executions: " +
            string.Join(", ", ended.GroupBy(e => e.State).Select(g => $"{g.Key} {g.Count()}")) +
            $", same as baseline {ended.Count(e => e == baseline)}");
        Assert.Equal("SUCCESS", baseline.State);
        Assert.All(ended, e => Assert.Equal(baseline, e));
        Directory.Delete(dir, recursive: true);
    }

    private static async Task<(string State, string? Output)> RunAsync(DurableRuntime runtime, SqliteStore store)
    {
        var id = Guid.NewGuid().ToString();
        await runtime.SubmitAsync(new StartWorkflow(id, DictValue.Empty, DictValue.Empty), new ExecutionOrigin("mixed", null, "", Mixed), default);
        using var deadline = new CancellationTokenSource(Deadline);
        var state = await runtime.WaitForCompletionAsync(id, deadline.Token);
        var stored = await store.Executions.GetWorkflowExecutionAsync(id, default);
        return (state, stored?.OutputJson);
    }
}
