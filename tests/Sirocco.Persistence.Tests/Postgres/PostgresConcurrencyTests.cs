using Sirocco.Persistence.Durable;
using Sirocco.Persistence.Postgres;
using Sirocco.Persistence.Tests.Infrastructure;

namespace Sirocco.Persistence.Tests.Postgres;

/// <summary>Two stores on one database stand for two server processes.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresConcurrencyTests(PostgresCluster cluster)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Two_servers_claiming_timers_at_once_get_disjoint_sets()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        await using var a = await PostgresStore.OpenAsync(new PostgresStoreOptions { ConnectionString = connectionString }, default);
        await using var b = await PostgresStore.OpenAsync(new PostgresStoreOptions { ConnectionString = connectionString }, default);
        var timers = Enumerable.Range(0, 200).Select(i => new DurableTimer("t" + i, null, "Wait", "{}", T0.AddMilliseconds(-i))).ToList();
        await a.Durable.ExecuteAsync(async (tx, ct) => { await tx.ScheduleTimersAsync(timers, ct); return 0; }, default);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? a : b).Durable.ClaimDueTimersAsync(T0, TimeSpan.FromMinutes(1), "s" + i, 40, default)));

        var all = claims.SelectMany(c => c).Select(t => t.Id).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(200, all.Count);
    }

    [Fact]
    public async Task The_execution_lock_makes_a_second_server_wait_for_the_first_commit()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        await using var a = await PostgresStore.OpenAsync(new PostgresStoreOptions { ConnectionString = connectionString }, default);
        await using var b = await PostgresStore.OpenAsync(new PostgresStoreOptions { ConnectionString = connectionString }, default);
        var execution = new StoredExecution { Id = "e", WorkflowName = "wf", State = "RUNNING", CreatedAt = T0 };
        await a.Durable.ExecuteAsync(async (tx, ct) => { await tx.SaveExecutionAsync(execution, ct); return 0; }, default);
        var locked = new TaskCompletionSource();
        var release = new TaskCompletionSource();

        var first = a.Durable.ExecuteAsync(
            async (tx, ct) =>
            {
                await tx.LockExecutionAsync("e", ct);
                var seen = (await tx.LoadExecutionAsync("e", ct))!.Execution;
                locked.SetResult();
                await release.Task;
                await tx.SaveExecutionAsync(seen with { StateInfo = "first" }, ct);
                return seen.Version;
            },
            default);
        await locked.Task;
        var second = b.Durable.ExecuteAsync(
            async (tx, ct) =>
            {
                await tx.LockExecutionAsync("e", ct);
                var seen = (await tx.LoadExecutionAsync("e", ct))!.Execution;
                await tx.SaveExecutionAsync(seen with { StateInfo = seen.StateInfo + "+second" }, ct);
                return seen.Version;
            },
            default);
        await WaitUntilSomeoneWaitsForALockAsync(connectionString);
        Assert.False(second.IsCompleted);
        release.SetResult();

        Assert.Equal(0, await first);
        Assert.Equal(1, await second);
        Assert.Equal("first+second", (await a.Executions.GetWorkflowExecutionAsync("e", default))?.StateInfo);
    }

    private static async Task WaitUntilSomeoneWaitsForALockAsync(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_locks WHERE NOT granted", connection);
            if ((long)(await command.ExecuteScalarAsync())! > 0)
            {
                return;
            }
        }

        Assert.Fail("the second server never waited for the execution lock");
    }

    [Fact]
    public async Task The_dispatch_mark_skips_a_call_another_transaction_holds_instead_of_waiting_for_it()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        await using var store = await PostgresStore.OpenAsync(new PostgresStoreOptions { ConnectionString = connectionString }, default);
        await store.Durable.ExecuteAsync(
            async (tx, ct) =>
            {
                await tx.SaveActionsAsync(
                    [new StoredAction { Id = "held", Name = "std.noop", State = "RUNNING", CreatedAt = T0 }, new StoredAction { Id = "free", Name = "std.noop", State = "RUNNING", CreatedAt = T0 }],
                    ct);
                return 0;
            },
            default);
        await using var other = new Npgsql.NpgsqlConnection(connectionString);
        await other.OpenAsync();
        await using var holding = await other.BeginTransactionAsync();
        await using (var lockRow = new Npgsql.NpgsqlCommand("SELECT id FROM action_executions WHERE id = 'held' FOR UPDATE", other, holding))
        {
            await lockRow.ExecuteScalarAsync();
        }

        var outbox = await store.Durable.ExecuteAsync((tx, ct) => tx.AppendOutboxAsync([new("e", "RunAction", "{}"), new("e", "RunAction", "{}")], ct), default);

        var busy = await store.Durable.MarkSentAsync([(outbox[0].Id, "free"), (outbox[1].Id, "held")], T0.AddHours(1), default).WaitAsync(TimeSpan.FromSeconds(20));

        // The held call is left out with its outbox row: a crash now would still find that row and send it again.
        Assert.Equal([(outbox[1].Id, (string?)"held")], busy);
        Assert.Equal([outbox[1].Id], (await store.Durable.ListUndispatchedAsync(10, default)).Select(m => m.Id));
        await holding.RollbackAsync();
        Assert.Empty(await store.Durable.MarkSentAsync(busy, T0.AddHours(1), default));
        Assert.Empty(await store.Durable.ListUndispatchedAsync(10, default));
        Assert.Equal(["free", "held"], (await store.Durable.ListSilentActionsAsync(T0.AddHours(2), 10, default)).Select(a => a.Id).Order(StringComparer.Ordinal));
    }
}
