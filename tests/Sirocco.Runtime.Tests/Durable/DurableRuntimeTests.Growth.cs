using Sirocco.Runtime.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Sirocco.Runtime.Tests.Durable;

public abstract partial class DurableRuntimeTests
{
    /// <summary>Upper bound of bytes a chained task that publishes one small value may add to the database.</summary>
    private const long MaxBytesPerTask = 8 * 1024;

    protected ITestOutputHelper? Output { get; init; }

    [Fact]
    public async Task A_2000_task_chain_grows_the_database_by_a_bounded_amount_per_task()
    {
        await using var host = await StartHostAsync();
        await host.WaitAsync(await host.StartExecutionAsync(Workflows.Chain(3, "warmup"), "warmup"));
        var start = await host.Store.Durable.SizeInBytesAsync(default);

        await host.WaitAsync(await host.StartExecutionAsync(Workflows.Chain(500, "short"), "short"), TimeSpan.FromMinutes(5));
        var afterShort = await host.Store.Durable.SizeInBytesAsync(default);
        var chain = await host.StartExecutionAsync(Workflows.Chain(2000), "chain");
        Assert.Equal("SUCCESS", await host.WaitAsync(chain, TimeSpan.FromMinutes(10)));
        var afterLong = await host.Store.Durable.SizeInBytesAsync(default);

        var perTaskShort = (afterShort - start) / 500.0;
        var perTaskLong = (afterLong - afterShort) / 2000.0;
        Output?.WriteLine($"bytes per task: 500-chain {perTaskShort:F0}, 2000-chain {perTaskLong:F0}");

        // Bounded: a copy of the context per task would make this grow with the chain's length.
        Assert.InRange(perTaskLong, 1, MaxBytesPerTask);
        Assert.True(perTaskLong < perTaskShort * 1.5, $"per-task growth rose from {perTaskShort:F0} B (500 tasks) to {perTaskLong:F0} B (2000 tasks)");
    }
}
