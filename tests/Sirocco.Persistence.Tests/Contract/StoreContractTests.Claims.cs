using Sirocco.Persistence.Durable;

namespace Sirocco.Persistence.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task A_call_is_claimed_once_and_a_second_claimant_loses()
    {
        await SaveRunningActionAsync("a");

        var first = await ClaimAsync("a", "runner-1");
        var second = await ClaimAsync("a", "runner-2");
        var firstAgain = await ClaimAsync("a", "runner-1");

        Assert.True(first);
        Assert.False(second);
        Assert.True(firstAgain); // its earlier answer was lost: the same claimant still holds it
    }

    [Fact]
    public async Task A_SENT_call_can_be_claimed_and_the_SENT_mark_never_overwrites_a_claim()
    {
        await SaveRunningActionAsync("sent");
        await SaveRunningActionAsync("claimed-first");
        await MarkSentAsync(["sent"], T0.AddHours(1));

        Assert.True(await ClaimAsync("sent", "runner-1"));
        Assert.True(await ClaimAsync("claimed-first", "runner-1"));
        await MarkSentAsync(["claimed-first"], T0.AddHours(1));

        // Still claimed by runner-1 (not SENT again, which any claimant could take) and not in the unclaimed list.
        Assert.False(await ClaimAsync("claimed-first", "runner-2"));
        Assert.Empty(await Store.Durable.ListUnclaimedActionsAsync("node-a", 10, default));
    }

    [Fact]
    public async Task A_finished_call_cannot_be_claimed()
    {
        await SaveRunningActionAsync("done", state: "SUCCESS");

        Assert.False(await ClaimAsync("done", "runner-1"));
        Assert.False(await ClaimAsync("unknown", "runner-1"));
    }

    [Fact]
    public async Task Claimed_calls_count_as_silent_past_their_deadline_and_heartbeats_move_it()
    {
        await SaveRunningActionAsync("quiet");
        await SaveRunningActionAsync("talking");
        await SaveRunningActionAsync("sent");
        await MarkSentAsync(["sent"], T0.AddHours(1));
        await Store.Durable.ExecuteAsync((tx, ct) => tx.ClaimActionAsync("quiet", "r", T0.AddMinutes(5), ct), default);
        await Store.Durable.ExecuteAsync((tx, ct) => tx.ClaimActionAsync("talking", "r", T0.AddMinutes(5), ct), default);
        await Store.Durable.ExecuteAsync(async (tx, ct) => { await tx.RecordHeartbeatsAsync(["talking"], T0.AddMinutes(20), ct); return 0; }, default);

        var silent = await Store.Durable.ListSilentActionsAsync(T0.AddMinutes(10), 10, default);

        Assert.Equal(["quiet"], silent.Select(a => a.Id));
    }

    [Fact]
    public async Task Lost_calls_of_a_node_are_its_SENT_and_CLAIMED_ones_and_only_SENT_ones_are_unclaimed()
    {
        await SaveRunningActionAsync("unmarked");
        await SaveRunningActionAsync("sent");
        await SaveRunningActionAsync("claimed");
        await SaveRunningActionAsync("other-node", runner: "node-b");
        await MarkSentAsync(["sent", "claimed", "other-node"], null);
        await ClaimAsync("claimed", "runner-1");

        var lost = await Store.Durable.ListLostActionsAsync("node-a", 10, default);
        var unclaimed = await Store.Durable.ListUnclaimedActionsAsync("node-a", 10, default);

        Assert.Equal(["claimed", "sent"], lost.Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["sent"], unclaimed.Select(a => a.Id));
    }

    [Fact]
    public async Task A_call_marked_SENT_before_claims_existed_is_not_listed_as_unclaimed_but_can_still_be_claimed()
    {
        // Migration 0020 tags them: such a call was marked before its hand-over and may have started.
        await SaveRunningActionAsync("old");
        await MarkSentAsync(["old"], null);
        await Store.Durable.ExecuteAsync((tx, ct) => tx.ExecuteSqlAsync("UPDATE action_executions SET claimed_by = '(sent before claims)' WHERE id = @Id", [new("@Id", "old")], ct), default);

        Assert.Empty(await Store.Durable.ListUnclaimedActionsAsync("node-a", 10, default));
        Assert.Equal(["old"], (await Store.Durable.ListLostActionsAsync("node-a", 10, default)).Select(a => a.Id));
        Assert.True(await ClaimAsync("old", "runner-1"));
    }

    [Fact]
    public async Task Outbox_rows_of_a_kind_are_listed_by_execution_dispatched_or_not()
    {
        var appended = await Store.Durable.ExecuteAsync(
            (tx, ct) => tx.AppendOutboxAsync([new("e1", "RunAction", "{\"n\":1}"), new("e1", "Notify", "{}"), new("e2", "RunAction", "{\"n\":2}"), new("e3", "RunAction", "{\"n\":3}")], ct),
            default);
        await Store.Durable.MarkSentAsync([(appended[0].Id, null)], null, default);

        var listed = await Store.Durable.ListOutboxAsync(["e1", "e2"], "RunAction", default);

        Assert.Equal(["{\"n\":1}", "{\"n\":2}"], listed.Select(m => m.PayloadJson));
    }

    private async Task SaveRunningActionAsync(string id, string state = "RUNNING", string runner = "node-a") =>
        await Store.Durable.ExecuteAsync(
            async (tx, ct) =>
            {
                await tx.SaveActionsAsync([new StoredAction { Id = id, Name = "std.http", State = state, Runner = runner, CreatedAt = T0 }], ct);
                return 0;
            },
            default);

    private Task<bool> ClaimAsync(string id, string claimant) =>
        Store.Durable.ExecuteAsync((tx, ct) => tx.ClaimActionAsync(id, claimant, T0.AddMinutes(5), ct), default);

    private Task MarkSentAsync(IReadOnlyList<string> ids, DateTimeOffset? deadline) =>
        Store.Durable.ExecuteAsync(async (tx, ct) => { await tx.MarkActionsSentAsync(ids, deadline, ct); return 0; }, default);
}
