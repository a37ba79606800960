using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Sirocco.Engine.Events;
using Sirocco.Expressions.Values;
using Sirocco.Persistence;
using Sirocco.Persistence.Execution;
using Sirocco.Persistence.Sqlite;
using Sirocco.Persistence.Tests.Infrastructure;
using Sirocco.Runtime.Scheduling;

namespace Sirocco.Runtime.Tests.Scheduling;

/// <summary>The cron scheduler on SQLite and fake time: patterns, first time, counts, deletion, downtime.</summary>
public sealed class CronSchedulerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = CronWorld.Start;
    private readonly TempSqliteFile _file = new();
    private readonly FakeTimeProvider _clock = new(CronWorld.Start);
    private CronWorld _world = null!;

    public async Task InitializeAsync()
    {
        var store = await SqliteStore.OpenAsync(new SqliteStoreOptions { Path = _file.Path, Store = new StoreOptions { Clock = _clock } }, default);
        await CronWorld.SeedWorkflowAsync(store);
        _world = await CronWorld.StartAsync(store, _clock);
    }

    public async Task DisposeAsync()
    {
        await _world.DisposeAsync();
        _file.Dispose();
    }

    [Fact]
    public async Task A_pattern_trigger_fires_at_each_occurrence_with_its_input_and_params()
    {
        var trigger = CronWorld.Trigger("every5", "*/5 * * * *", T0.AddMinutes(5), parameters: """{"env": {"region": "north"}}""");
        await _world.Store.CronTriggers.CreateAsync(trigger, default);

        await _world.FireAtAsync(T0.AddMinutes(5).AddSeconds(-1));
        Assert.Empty(await _world.ExecutionsAsync());

        await _world.FireAtAsync(T0.AddMinutes(5));
        var first = Assert.Single(await _world.ExecutionsAsync());
        Assert.Equal("greet", first.WorkflowName);
        Assert.Equal("ann", JsonNode.Parse(first.InputJson)!["name"]!.GetValue<string>());
        Assert.Equal("north", JsonNode.Parse(first.ParamsJson)!["env"]!["region"]!.GetValue<string>());
        var description = JsonNode.Parse(first.Description!)!;
        Assert.Equal(trigger.Id, description["triggered_by"]!["id"]!.GetValue<string>());
        Assert.Equal("cron_trigger", description["triggered_by"]!["type"]!.GetValue<string>());
        Assert.Equal(T0.AddMinutes(10), (await _world.Store.CronTriggers.GetAsync("every5", default))!.NextExecutionTime);

        await _world.FireAtAsync(T0.AddMinutes(7));
        Assert.Single(await _world.ExecutionsAsync());
        await _world.FireAtAsync(T0.AddMinutes(10));
        Assert.Equal(2, (await _world.ExecutionsAsync()).Count);
        Assert.Equal(2, _world.Scheduler.Fired);
    }

    [Fact]
    public async Task First_execution_time_fires_first_then_the_pattern_takes_over()
    {
        var first = T0.AddMinutes(2).AddSeconds(30);
        await _world.Store.CronTriggers.CreateAsync(CronWorld.Trigger("hourly", "0 * * * *", first, first: first), default);

        await _world.FireAtAsync(T0.AddMinutes(2));
        Assert.Empty(await _world.ExecutionsAsync());

        await _world.FireAtAsync(first);
        Assert.Single(await _world.ExecutionsAsync());
        var stored = await _world.Store.CronTriggers.GetAsync("hourly", default);
        Assert.Equal(T0.AddHours(1), stored!.NextExecutionTime);
        Assert.Null(stored.RemainingExecutions);
    }

    [Fact]
    public async Task Remaining_executions_count_down_and_the_trigger_is_deleted_after_its_last_run()
    {
        await _world.Store.CronTriggers.CreateAsync(CronWorld.Trigger("thrice", "* * * * *", T0.AddMinutes(1), remaining: 3), default);

        await _world.FireAtAsync(T0.AddMinutes(1));
        Assert.Equal(2, (await _world.Store.CronTriggers.GetAsync("thrice", default))!.RemainingExecutions);
        for (var minute = 2; minute <= 6; minute++)
        {
            await _world.FireAtAsync(T0.AddMinutes(minute));
        }

        Assert.Equal(3, (await _world.ExecutionsAsync()).Count);
        Assert.Null(await _world.Store.CronTriggers.GetAsync("thrice", default));
    }

    [Fact]
    public async Task A_one_shot_trigger_fires_once_and_is_deleted()
    {
        var at = T0.AddHours(3);
        await _world.Store.CronTriggers.CreateAsync(CronWorld.Trigger("once", null, at, remaining: 1, first: at), default);

        await _world.FireAtAsync(at.AddSeconds(2));
        await _world.FireAtAsync(at.AddHours(1));

        Assert.Single(await _world.ExecutionsAsync());
        Assert.Null(await _world.Store.CronTriggers.GetAsync("once", default));
    }

    [Fact]
    public async Task After_downtime_an_overdue_trigger_fires_once_and_resumes_its_rhythm()
    {
        await _world.Store.CronTriggers.CreateAsync(CronWorld.Trigger("minutely", "* * * * *", T0.AddMinutes(1), remaining: 100), default);

        // Ten occurrences were missed while no scheduler ran: Mistral fires the trigger once, not ten times.
        await _world.FireAtAsync(T0.AddMinutes(10).AddSeconds(30));

        Assert.Single(await _world.ExecutionsAsync());
        var stored = await _world.Store.CronTriggers.GetAsync("minutely", default);
        Assert.Equal(T0.AddMinutes(11), stored!.NextExecutionTime);
        Assert.Equal(99, stored.RemainingExecutions);
    }

    [Fact]
    public async Task Six_field_patterns_fire_on_seconds()
    {
        await _world.Store.CronTriggers.CreateAsync(CronWorld.Trigger("every10s", "* * * * * */10", T0.AddSeconds(10)), default);

        for (var second = 1; second <= 60; second++)
        {
            await _world.FireAtAsync(T0.AddSeconds(second));
        }

        Assert.Equal(6, (await _world.ExecutionsAsync()).Count);
    }

    [Fact]
    public async Task A_trigger_whose_workflow_is_gone_consumes_the_occurrence_without_an_execution()
    {
        await _world.Store.CronTriggers.CreateAsync(CronWorld.Trigger("orphan", "* * * * *", T0.AddMinutes(1), workflow: "missing"), default);

        await _world.FireAtAsync(T0.AddMinutes(1));

        Assert.Empty(await _world.ExecutionsAsync());
        Assert.Equal(T0.AddMinutes(2), (await _world.Store.CronTriggers.GetAsync("orphan", default))!.NextExecutionTime);
        Assert.Equal(1, _world.Scheduler.Fired);
    }

    [Fact]
    public async Task A_start_that_fails_rolls_back_its_claim()
    {
        var trigger = CronWorld.Trigger("t", "* * * * *", T0.AddMinutes(1));
        await _world.Store.CronTriggers.CreateAsync(trigger, default);
        var start = new StartWorkflow(Guid.NewGuid().ToString(), DictValue.Empty, DictValue.Empty);
        var unreadable = new ExecutionOrigin("greet", null, "", "version: '2.0'\nother:\n  tasks:\n    a:\n      action: std.noop\n");

        await Assert.ThrowsAsync<PersistenceException>(() =>
            _world.Host.Runtime.FireCronTriggerAsync(trigger.Id, trigger.NextExecutionTime, new CronFiring(T0.AddMinutes(2), null), start, unreadable, default));

        // The claim was in the failed unit: the occurrence is still due and nothing started.
        Assert.Equal(trigger.NextExecutionTime, (await _world.Store.CronTriggers.GetAsync("t", default))!.NextExecutionTime);
        Assert.Empty(await _world.ExecutionsAsync());
    }

    [Fact]
    public async Task The_same_occurrence_claimed_twice_starts_once()
    {
        var trigger = CronWorld.Trigger("t", "* * * * *", T0.AddMinutes(1));
        await _world.Store.CronTriggers.CreateAsync(trigger, default);
        _clock.SetUtcNow(T0.AddMinutes(1));

        // Two schedulers that both read the trigger before either fired it.
        var second = new CronScheduler(_world.Store, _world.Host.Runtime, new CronSchedulerOptions { Clock = _clock });
        await Task.WhenAll(_world.Scheduler.FireDueAsync(default), second.FireDueAsync(default));

        Assert.Single(await _world.ExecutionsAsync());
        Assert.Equal(1, _world.Scheduler.Fired + second.Fired);
    }

    [Fact]
    public async Task The_loop_fires_when_fake_time_passes_the_next_time()
    {
        await _world.Store.CronTriggers.CreateAsync(CronWorld.Trigger("loop", "* * * * *", T0.AddMinutes(1)), default);
        using var stop = new CancellationTokenSource();
        var loop = _world.Scheduler.RunAsync(stop.Token);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (_world.Scheduler.Fired == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the scheduler loop did not fire");
            _clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }

        await stop.CancelAsync();
        await loop;

        // The clock runs on while the first firing is stored, so a later occurrence may be due and fired too before
        // the loop stops: every firing started one execution.
        var executions = await _world.ExecutionsAsync();
        Assert.NotEmpty(executions);
        Assert.Equal(_world.Scheduler.Fired, executions.Count);
    }
}
