using Sirocco.Persistence.Durable;

namespace Sirocco.Persistence.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task After_commit_callbacks_run_for_the_units_that_committed_before_their_callers_are_released()
    {
        var ran = new System.Collections.Concurrent.ConcurrentBag<string>();
        var gate = new TaskCompletionSource();
        var blocker = Store.Durable.ExecuteAsync(
            async (tx, ct) =>
            {
                await gate.Task;
                return 0;
            },
            default);
        var good = Store.Durable.ExecuteAsync(
            async (tx, ct) =>
            {
                await tx.SaveExecutionAsync(Execution("after-good"), ct);
                tx.AfterCommit(() => ran.Add("good"));
                return 1;
            },
            default);
        var failing = Store.Durable.ExecuteAsync<int>(
            async (tx, ct) =>
            {
                await tx.SaveExecutionAsync(Execution("after-undone"), ct);
                tx.AfterCommit(() => ran.Add("failing"));
                throw new InvalidOperationException("engine bug");
            },
            default);
        gate.SetResult();

        await blocker;
        Assert.Equal(1, await good);
        Assert.Contains("good", ran);
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.DoesNotContain("failing", ran);
    }

    [Fact]
    public async Task After_commit_callback_of_a_unit_failing_alone_never_runs()
    {
        var ran = false;
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.Durable.ExecuteAsync<int>(
            async (tx, ct) =>
            {
                await tx.SaveExecutionAsync(Execution("after-alone"), ct);
                tx.AfterCommit(() => ran = true);
                throw new InvalidOperationException("engine bug");
            },
            default));

        var later = false;
        await Store.Durable.ExecuteAsync(
            (tx, ct) =>
            {
                tx.AfterCommit(() => later = true);
                return Task.FromResult(0);
            },
            default);
        Assert.False(ran);
        Assert.True(later);
    }
}
