using Sirocco.Persistence.Postgres;
using Sirocco.Persistence.Querying;
using Sirocco.Persistence.Tests.Infrastructure;
using Sirocco.Runtime.Durable;
using Sirocco.Runtime.Tests.Infrastructure;
using Sirocco.Transport.Queues;

namespace Sirocco.Runtime.Tests.Durable;

/// <summary>Two servers (separate stores, runtimes, queues and runners) on one PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoServerTests(PostgresCluster cluster)
{
    [Fact]
    public async Task Two_servers_receiving_every_result_both_apply_each_event_once()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        RuntimeHost? a = null;
        RuntimeHost? b = null;
        IReadOnlyList<IActionResultSink> Both() => [a!.Runtime.ResultSink, b!.Runtime.ResultSink];
        var options = (string node) => new DurableRuntimeOptions { NodeId = node, TimerPollInterval = TimeSpan.FromMilliseconds(50) };
        a = await RuntimeHost.StartAsync(await PostgresStore.OpenAsync(new PostgresStoreOptions { ConnectionString = connectionString }, default), options("a"), sink: _ => new FanOutSink(Both));
        b = await RuntimeHost.StartAsync(await PostgresStore.OpenAsync(new PostgresStoreOptions { ConnectionString = connectionString }, default), options("b"), sink: _ => new FanOutSink(Both));
        try
        {
            var ids = new List<string>();
            for (var i = 0; i < 20; i++)
            {
                ids.Add(await (i % 2 == 0 ? a : b).StartExecutionAsync(Workflows.Chain(5), "chain"));
            }

            foreach (var id in ids)
            {
                Assert.Equal("SUCCESS", await (ids.IndexOf(id) % 2 == 0 ? b : a).WaitAsync(id));
            }

            foreach (var id in ids)
            {
                var actions = await a.Store.Executions.ListActionExecutionsAsync(new ListQuery(), includeOutput: false, default);
                var tasks = await a.Store.Executions.ListTaskExecutionsAsync(new ListQuery { Filters = [FieldFilter.Equal("workflow_execution_id", id)] }, default);
                var history = await a.Store.Durable.ListEventsAsync(id, 0, 1000, default);
                Assert.Equal(5, tasks.Count);
                Assert.Equal(5, history.Count(e => e.Kind == "TaskSUCCESS"));
                Assert.Equal(5, tasks.Sum(t => actions.Count(x => x.TaskExecutionId == t.Id)));
            }

            // Every result was delivered to both servers; each was applied by exactly one of them.
            Assert.Equal(100, a.Runner.Calls + b.Runner.Calls);
        }
        finally
        {
            await a.DisposeAsync();
            await b.DisposeAsync();
        }
    }
}
