using Sirocco.Transport.Queues;
using Sirocco.Transport.Tests.Support;
using Xunit.Abstractions;

namespace Sirocco.Transport.Tests.RabbitMq;

/// <summary>Real action runners as executor nodes and a result pump as engine node, over the test broker.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class ExecutorsOverRabbitMqTests(RabbitMqBroker broker, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private static RunActionRequest Count(string id, bool block = false, bool safeRerun = false) => new()
    {
        ActionExecutionId = id,
        ActionName = "test.count",
        InputJson = block ? """{"block":true}""" : "{}",
        SafeRerun = safeRerun,
    };

    [Fact]
    public async Task TwoExecutors_RunEveryActionOnce_AndResultsReachTheEngine()
    {
        await using var cluster = new Cluster(broker);
        cluster.StartExecutor();
        cluster.StartExecutor();
        cluster.StartEngine();

        for (var i = 0; i < 200; i++)
        {
            await cluster.Queue.EnqueueAsync(Count($"a{i}"));
        }

        await Poll.UntilAsync(() => cluster.Engine.Results.Count == 200, Deadline);
        Assert.All(cluster.Engine.Results.Values, r => Assert.Equal(ActionResultKind.Success, r.Kind));
        Assert.Equal(200, cluster.Probe.Starts.Count);
        Assert.All(cluster.Probe.Starts.Values, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task ExecutorKilledMidAction_SafeRerunRunsAgainElsewhere_OthersFailWithoutRunningTwice()
    {
        await using var cluster = new Cluster(broker);
        var doomed = cluster.StartExecutor();
        cluster.StartEngine();
        await cluster.Queue.EnqueueAsync(Count("unsafe", block: true));
        await cluster.Queue.EnqueueAsync(Count("safe", block: true, safeRerun: true));
        await cluster.Probe.Started("unsafe").WaitAsync(Deadline);
        await cluster.Probe.Started("safe").WaitAsync(Deadline);

        await doomed.KillAsync();
        cluster.Probe.Release();
        cluster.StartExecutor();

        await Poll.UntilAsync(() => cluster.Engine.Results.Count == 2, Deadline);
        Assert.Equal(ActionResultKind.Success, cluster.Engine.Results["safe"].Kind);
        Assert.Equal(2, cluster.Probe.Starts["safe"]);
        Assert.Equal(ActionResultKind.Error, cluster.Engine.Results["unsafe"].Kind);
        Assert.Contains("cannot be re-run safely", cluster.Engine.Results["unsafe"].ValueJson, StringComparison.Ordinal);
        Assert.Equal(1, cluster.Probe.Starts["unsafe"]);
    }

    [Fact]
    public async Task EngineKilledWhileHoldingResults_AnotherEngineGetsThem()
    {
        await using var cluster = new Cluster(broker);
        var doomedEngine = cluster.StartEngine();
        await doomedEngine.KillAsync();
        cluster.StartExecutor();
        for (var i = 0; i < 20; i++)
        {
            await cluster.Queue.EnqueueAsync(Count($"a{i}"));
        }

        cluster.StartEngine();

        await Poll.UntilAsync(() => cluster.Engine.Results.Count == 20, Deadline);
    }

    /// <summary>
    /// A broker restart flags every unacknowledged request redelivered, including ones whose action had
    /// already run (its ack died with the channel). Runners run a redelivered request again only when it is
    /// safe-rerun; otherwise they fail it — Mistral's rule — unless they remember finishing it. So: no action
    /// ever starts twice unless safe-rerun, every action gets a result, and results other than success are
    /// exactly that conservative failure, for the few requests caught in flight.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task BrokerRestartDuringARun_EveryActionEnds_AndNoneRunsTwiceUnlessSafeRerun(bool safeRerun)
    {
        await using var cluster = new Cluster(broker);
        cluster.StartExecutor();
        cluster.StartExecutor();
        cluster.StartEngine();
        const int count = 300;
        var producer = Task.Run(async () =>
        {
            for (var i = 0; i < count; i++)
            {
                await cluster.Queue.EnqueueAsync(Count($"a{i}", safeRerun: safeRerun));
            }
        });

        await Poll.UntilAsync(() => cluster.Engine.Results.Count >= 50, Deadline);
        await broker.RestartAsync();
        await producer.WaitAsync(Deadline);

        await Poll.UntilAsync(() => cluster.Engine.Results.Count == count, Deadline);
        var failed = cluster.Engine.Results.Values.Where(r => r.Kind != ActionResultKind.Success).ToList();
        var rerun = cluster.Probe.Starts.Count(p => p.Value > 1);
        output.WriteLine($"safe-rerun={safeRerun}: results {cluster.Engine.Results.Count}, reports incl. duplicates {cluster.Engine.Reports}, started {cluster.Probe.Starts.Count}, started twice {rerun}, failed as not safely re-runnable {failed.Count}");
        Assert.All(failed, r => Assert.Contains("cannot be re-run safely", r.ValueJson, StringComparison.Ordinal));
        if (safeRerun)
        {
            Assert.Empty(failed);
        }
        else
        {
            Assert.Equal(0, rerun);
        }
    }
}
