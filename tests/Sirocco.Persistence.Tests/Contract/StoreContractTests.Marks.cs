using Sirocco.Persistence.Durable;

namespace Sirocco.Persistence.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task The_dispatch_mark_marks_outbox_rows_and_unmarked_running_calls_and_leaves_claims_alone()
    {
        await SaveRunningActionAsync("handed");
        await SaveRunningActionAsync("claimed");
        await SaveRunningActionAsync("finished", state: "SUCCESS");
        Assert.True(await ClaimAsync("claimed", "runner-1"));
        var outbox = await Store.Durable.ExecuteAsync((tx, ct) => tx.AppendOutboxAsync([new("e1", "RunAction", "{}"), new("e1", "RunAction", "{}")], ct), default);

        var busy = await Store.Durable.MarkSentAsync([(outbox[0].Id, "handed"), (outbox[0].Id, "claimed"), (outbox[0].Id, "finished")], T0.AddHours(1), default);

        Assert.Empty(busy);
        Assert.Equal([outbox[1].Id], (await Store.Durable.ListUndispatchedAsync(10, default)).Select(m => m.Id));
        // SENT with the first-heartbeat deadline: silent once it passed. The claim kept its own deadline.
        Assert.Equal(["claimed", "handed"], (await Store.Durable.ListSilentActionsAsync(T0.AddHours(2), 10, default)).Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["claimed"], (await Store.Durable.ListSilentActionsAsync(T0.AddMinutes(30), 10, default)).Select(a => a.Id));
        Assert.False(await ClaimAsync("claimed", "runner-2"));
    }
}
