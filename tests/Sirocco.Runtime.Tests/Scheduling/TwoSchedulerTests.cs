using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Sirocco.Persistence;
using Sirocco.Persistence.Postgres;
using Sirocco.Persistence.Tests.Infrastructure;
using Sirocco.Runtime.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Sirocco.Runtime.Tests.Scheduling;

/// <summary>Two scheduler servers (own stores, runtimes and schedulers) on one PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoSchedulerTests(PostgresCluster cluster, ITestOutputHelper output)
{
    private const int Triggers = 20;
    private const int RunsEach = 5;

    [Fact]
    public async Task Each_due_occurrence_is_fired_exactly_once_by_one_of_two_schedulers()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        var clock = new FakeTimeProvider(CronWorld.Start);
        async Task<ISiroccoStore> OpenAsync() =>
            await PostgresStore.OpenAsync(new PostgresStoreOptions { ConnectionString = connectionString, Store = new StoreOptions { Clock = clock } }, default);

        var seed = await OpenAsync();
        await CronWorld.SeedWorkflowAsync(seed);
        for (var i = 0; i < Triggers; i++)
        {
            // Every second (croniter's sixth field is the seconds), five runs each.
            await seed.CronTriggers.CreateAsync(CronWorld.Trigger($"t{i}", "* * * * * *", CronWorld.Start.AddSeconds(1), remaining: RunsEach), default);
        }

        await seed.DisposeAsync();
        await using var a = await CronWorld.StartAsync(await OpenAsync(), clock, "a");
        await using var b = await CronWorld.StartAsync(await OpenAsync(), clock, "b");

        // Both look at every tick at the same time, so both see every due trigger and race to claim it.
        for (var second = 1; second <= RunsEach + 3; second++)
        {
            clock.SetUtcNow(CronWorld.Start.AddSeconds(second));
            await Task.WhenAll(Task.Run(() => a.Scheduler.FireDueAsync(default)), Task.Run(() => b.Scheduler.FireDueAsync(default)));
        }

        var executions = await a.ExecutionsAsync();
        output.WriteLine($"fired by a: {a.Scheduler.Fired}, by b: {b.Scheduler.Fired}, executions: {executions.Count}");
        Assert.Equal(Triggers * RunsEach, a.Scheduler.Fired + b.Scheduler.Fired);
        Assert.Equal(Triggers * RunsEach, executions.Count);
        var perTrigger = executions
            .GroupBy(e => JsonNode.Parse(e.Description!)!["triggered_by"]!["name"]!.GetValue<string>())
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Triggers, perTrigger.Count);
        Assert.All(perTrigger.Values, count => Assert.Equal(RunsEach, count));
        Assert.Empty(await a.Store.CronTriggers.ListAsync(new Persistence.Querying.ListQuery(), default));
    }
}
