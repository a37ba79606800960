using System.Diagnostics;
using Sirocco.Transport.Queues;
using Sirocco.Transport.Tests.Support;
using Xunit.Abstractions;

namespace Sirocco.Transport.Tests.RabbitMq;

/// <summary>
/// The executor benchmark: a queue pre-filled with instant actions drained by 1, 2 and 4 executor nodes
/// (each its own broker connection, in this process) and one engine pump. Prints actions per second;
/// asserts only that every action ran once. Run alone for figures:
/// <c>dotnet test tests/Sirocco.Transport.Tests -c Release --no-build --filter ExecutorThroughput --logger "console;verbosity=detailed"</c>.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class ExecutorThroughputTests(RabbitMqBroker broker, ITestOutputHelper output)
{
    private const int Actions = 2000;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public async Task Executors_DrainAPrefilledQueue(int executors)
    {
        await using var cluster = new Cluster(broker, prefetch: 32);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async lane =>
        {
            for (var i = lane; i < Actions; i += 8)
            {
                await cluster.Queue.EnqueueAsync(new RunActionRequest { ActionExecutionId = $"a{i}", ActionName = "test.count" });
            }
        }));

        var clock = Stopwatch.StartNew();
        cluster.StartEngine();
        for (var i = 0; i < executors; i++)
        {
            cluster.StartExecutor(concurrency: 32);
        }

        await Poll.UntilAsync(() => cluster.Engine.Results.Count == Actions, TimeSpan.FromMinutes(3));
        clock.Stop();
        output.WriteLine($"executors={executors}: {Actions} actions in {clock.Elapsed.TotalSeconds:F2} s = {Actions / clock.Elapsed.TotalSeconds:F0} actions/s");
        Assert.Equal(Actions, cluster.Probe.Starts.Count);
        Assert.All(cluster.Probe.Starts.Values, n => Assert.Equal(1, n));
    }
}
