using Sirocco.Engine.Events;
using Sirocco.Expressions.Values;
using Sirocco.Persistence;
using Sirocco.Persistence.Execution;
using Sirocco.Persistence.Postgres;
using Sirocco.Persistence.Tests.Infrastructure;
using Sirocco.Transport.RabbitMq;
using Sirocco.Transport.Tests.Support;
using Xunit.Abstractions;

namespace Sirocco.Transport.Tests.RabbitMq;

/// <summary>
/// Two engine nodes over one PostgreSQL, two executor processes, RabbitMQ between them. Mid-run one engine
/// dies (and is restarted, as a supervisor would), one executor is killed with SIGKILL, and the broker is
/// restarted; every execution must end exactly like the uninterrupted run made first.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class TopologyOverPostgresTests(RabbitMqBroker broker, PostgresCluster postgres, ITestOutputHelper output) : IClassFixture<PostgresCluster>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(4);

    // Was flaky (2 of 100 ERROR): a restarted engine's recovery re-sent a sub-workflow start whose parent
    // spec it had never parsed, and the child (defined in the parent's document) was "not found".
    // RecoveredSubworkflowTests in Sirocco.Runtime.Tests pins that case deterministically.
    [Fact]
    public async Task TwoEnginesTwoExecutors_SurviveAnEngineCrashAKilledExecutorAndABrokerRestart()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        const int executions = 100;
        var prefix = "g" + Guid.NewGuid().ToString("N")[..10];
        var logs = Path.Combine(Path.GetTempPath(), "sirocco-topology-" + prefix);
        Directory.CreateDirectory(logs);
        var options = new RabbitMqOptions { Uri = broker.Uri, Prefix = prefix, ReconnectDelayMax = TimeSpan.FromSeconds(1) };
        async Task<ISiroccoStore> Open() => await PostgresStore.OpenAsync(new PostgresStoreOptions { ConnectionString = connectionString }, default);

        var engineA = await EngineNode.StartAsync("engine-a", Open, options);
        await using var engineB = await EngineNode.StartAsync("engine-b", Open, options);
        await using var doomed = ExecutorProcess.Start(broker.Uri, prefix, concurrency: 4, Path.Combine(logs, "executor-1.log"));
        await using var survivor = ExecutorProcess.Start(broker.Uri, prefix, concurrency: 4, Path.Combine(logs, "executor-2.log"));
        await doomed.WaitHealthyAsync(Deadline);
        await survivor.WaitHealthyAsync(Deadline);

        var baseline = await FinishAsync(engineB.Store, await StartAsync(engineB));
        var ids = new List<string>();
        for (var i = 0; i < executions; i++)
        {
            ids.Add(await StartAsync(i % 2 == 0 ? engineA : engineB));
        }

        await Poll.UntilAsync(async () => await CountEndedAsync(engineB.Store, ids) >= 15, Deadline);
        await engineA.KillAsync();
        await doomed.KillAsync();
        await using var engineA2 = await EngineNode.StartAsync("engine-a", Open, options);
        await Poll.UntilAsync(async () => await CountEndedAsync(engineB.Store, ids) >= 40, Deadline);
        await broker.RestartAsync();

        var ended = new List<(string State, string? Output)>();
        foreach (var id in ids)
        {
            ended.Add(await FinishAsync(engineB.Store, id));
        }

        output.WriteLine($"baseline {baseline.State} {baseline.Output}; {executions} executions: " +
            string.Join(", ", ended.GroupBy(e => e.State).Select(g => $"{g.Key} {g.Count()}")) +
            $", same as baseline {ended.Count(e => e == baseline)}");
        Assert.Equal("SUCCESS", baseline.State);
        Assert.All(ended, e => Assert.Equal(baseline, e));
        Directory.Delete(logs, recursive: true);
    }

    private static async Task<string> StartAsync(EngineNode engine)
    {
        var id = Guid.NewGuid().ToString();
        await engine.Runtime.SubmitAsync(new StartWorkflow(id, DictValue.Empty, DictValue.Empty), new ExecutionOrigin("mixed", null, "", DurableRuntimeOverRabbitMqTests.Mixed), default);
        return id;
    }

    private static async Task<int> CountEndedAsync(ISiroccoStore store, IReadOnlyList<string> ids)
    {
        var ended = 0;
        foreach (var id in ids)
        {
            if (await store.Executions.GetWorkflowExecutionAsync(id, default) is { State: "SUCCESS" or "ERROR" or "CANCELLED" })
            {
                ended++;
            }
        }

        return ended;
    }

    private static async Task<(string State, string? Output)> FinishAsync(ISiroccoStore store, string id)
    {
        (string State, string? Output) result = default;
        await Poll.UntilAsync(
            async () =>
            {
                var stored = await store.Executions.GetWorkflowExecutionAsync(id, default);
                result = (stored?.State ?? "", stored?.OutputJson);
                return stored is { State: "SUCCESS" or "ERROR" or "CANCELLED" };
            },
            Deadline);
        return result;
    }
}
