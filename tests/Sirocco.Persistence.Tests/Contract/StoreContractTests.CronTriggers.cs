using Sirocco.Persistence.CronTriggers;

namespace Sirocco.Persistence.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Due_cron_triggers_are_listed_oldest_first()
    {
        await Store.CronTriggers.CreateAsync(Trigger("late", T0.AddMinutes(5)), default);
        await Store.CronTriggers.CreateAsync(Trigger("b", T0.AddMinutes(-1)), default);
        await Store.CronTriggers.CreateAsync(Trigger("a", T0.AddMinutes(-2)), default);

        var due = await Store.CronTriggers.ListDueAsync(T0, 10, default);

        Assert.Equal(["a", "b"], due.Select(d => d.Name));
    }

    [Fact]
    public async Task Claiming_the_last_remaining_execution_deletes_the_trigger()
    {
        var trigger = Trigger("once", T0) with { RemainingExecutions = 1 };
        await Store.CronTriggers.CreateAsync(trigger, default);

        Assert.True(await Store.Durable.ExecuteAsync((tx, ct) => tx.ClaimCronTriggerAsync(trigger.Id, T0, null, 0, ct), default));

        Assert.Null(await Store.CronTriggers.GetAsync("once", default));
    }

    [Fact]
    public async Task A_cron_claim_in_a_durable_transaction_is_a_compare_and_set()
    {
        var trigger = Trigger("t", T0) with { RemainingExecutions = 3 };
        await Store.CronTriggers.CreateAsync(trigger, default);

        var claimed = await Store.Durable.ExecuteAsync((tx, ct) => tx.ClaimCronTriggerAsync(trigger.Id, T0, T0.AddMinutes(1), 2, ct), default);
        var again = await Store.Durable.ExecuteAsync((tx, ct) => tx.ClaimCronTriggerAsync(trigger.Id, T0, T0.AddMinutes(1), 2, ct), default);

        Assert.True(claimed);
        Assert.False(again);
        var stored = await Store.CronTriggers.GetAsync("t", default);
        Assert.Equal(T0.AddMinutes(1), stored?.NextExecutionTime);
        Assert.Equal(2, stored?.RemainingExecutions);
    }

    [Fact]
    public async Task A_cron_claim_without_a_next_time_deletes_the_trigger()
    {
        var trigger = Trigger("last", T0);
        await Store.CronTriggers.CreateAsync(trigger, default);

        Assert.True(await Store.Durable.ExecuteAsync((tx, ct) => tx.ClaimCronTriggerAsync(trigger.Id, T0, null, 0, ct), default));

        Assert.Null(await Store.CronTriggers.GetAsync("last", default));
        Assert.False(await Store.Durable.ExecuteAsync((tx, ct) => tx.ClaimCronTriggerAsync(trigger.Id, T0, null, 0, ct), default));
    }

    private static CronTriggerRecord Trigger(string name, DateTimeOffset next) =>
        new(NewId(), name, "* * * * *", null, next, null, "wf", null, "{}", "{}", "private", "<default-project>", T0, null);
}
