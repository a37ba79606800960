using Sirocco.Transport.Queues;
using Sirocco.Transport.RabbitMq;
using Sirocco.Transport.Tests.Support;
using Xunit.Abstractions;

namespace Sirocco.Transport.Tests.RabbitMq;

/// <summary>
/// Two executor processes (<c>sirocco server --roles executor</c>) call a slow loopback service; one is
/// killed with SIGKILL mid-run and the broker is restarted. The engine side (a result pump in this process)
/// must get a result for every action, and no action may reach the service twice.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class ExecutorProcessesTests(RabbitMqBroker broker, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task ExecutorKilledAndBrokerRestarted_EveryActionGetsAResult_NoneReachesTheServiceTwice()
    {
        const int count = 200;
        await using var service = new HitCounter(TimeSpan.FromMilliseconds(100));
        var prefix = "p" + Guid.NewGuid().ToString("N")[..10];
        var options = new RabbitMqOptions { Uri = broker.Uri, Prefix = prefix, ReconnectDelayMax = TimeSpan.FromSeconds(1) };
        await using var engineConnection = new RabbitMqConnection(options, StderrLoggerFactory.FromEnvironment());
        var queue = new RabbitMqTaskQueue(engineConnection);
        var engine = new RecordingSink();
        using var stopEngine = new CancellationTokenSource();
        await using var results = new RabbitMqActionResultQueue(engineConnection);
        var pump = new ActionResultPump(results, engine).RunAsync(stopEngine.Token);
        await using var claimServer = new RabbitMqClaimServer(engineConnection, (id, claimant, ct) => engine.ClaimAsync(id, claimant, ct).AsTask());
        var claims = claimServer.RunAsync(stopEngine.Token);

        var logs = Path.Combine(Path.GetTempPath(), "sirocco-executors-" + prefix);
        Directory.CreateDirectory(logs);
        await using var doomed = ExecutorProcess.Start(broker.Uri, prefix, concurrency: 4, Path.Combine(logs, "executor-1.log"));
        await using var survivor = ExecutorProcess.Start(broker.Uri, prefix, concurrency: 4, Path.Combine(logs, "executor-2.log"));
        await doomed.WaitHealthyAsync(Deadline);
        await survivor.WaitHealthyAsync(Deadline);
        Assert.Equal("executor", (string?)(await survivor.HealthAsync())["role"]);

        for (var i = 0; i < count; i++)
        {
            await queue.EnqueueAsync(new RunActionRequest
            {
                ActionExecutionId = $"a{i}",
                ActionName = "std.http",
                InputJson = $$"""{"url":"{{service.Url($"a{i}")}}"}""",
            });
        }

        await Poll.UntilAsync(() => engine.Results.Count >= 40, Deadline);
        await doomed.KillAsync();
        await Poll.UntilAsync(() => engine.Results.Count >= 80, Deadline);
        await broker.RestartAsync();
        await Poll.UntilAsync(() => engine.Results.Count == count, Deadline);
        await stopEngine.CancelAsync();
        await pump;
        await claims;

        var succeeded = engine.Results.Values.Count(r => r.Kind == ActionResultKind.Success);
        var failed = engine.Results.Values.Where(r => r.Kind != ActionResultKind.Success).ToList();
        output.WriteLine(
            $"actions {count}: succeeded {succeeded}, failed as redelivered-not-safe {failed.Count}, " +
            $"service calls {service.Hits.Values.Sum()}, reached twice {service.Hits.Count(h => h.Value > 1)}, " +
            $"result reports incl. duplicates {engine.Reports}, survivor broker connections {(int?)(await survivor.HealthAsync())["brokerConnections"]}");
        Assert.All(service.Hits.Values, n => Assert.Equal(1, n));
        Assert.Equal(count, engine.Claims.Count); // every call was claimed (over the broker) before it started
        Assert.All(failed, r => Assert.Contains("cannot be re-run safely", r.ValueJson, StringComparison.Ordinal));
        Assert.All(engine.Results.Values.Where(r => r.Kind == ActionResultKind.Success), r => Assert.True(service.Hits.ContainsKey(r.ActionExecutionId)));
        Directory.Delete(logs, recursive: true);
    }
}
