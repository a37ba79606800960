using System.Collections.Concurrent;
using Sirocco.Transport.RabbitMq;
using Sirocco.Transport.Tests.Support;

namespace Sirocco.Transport.Tests.RabbitMq;

/// <summary>An executor's claim travels to an engine as a request with a reply: it has no database of its own.</summary>
[Collection(RabbitMqCollection.Name)]
public sealed class ClaimsOverRabbitMqTests(RabbitMqBroker broker)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_claim_is_answered_by_an_engine_the_first_claimant_wins_and_wins_again()
    {
        var options = Options();
        var database = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await using var engine = new RabbitMqConnection(options, StderrLoggerFactory.FromEnvironment());
        await using var executor = new RabbitMqConnection(options, StderrLoggerFactory.FromEnvironment());
        using var stop = new CancellationTokenSource();
        await using var server = new RabbitMqClaimServer(engine, (id, claimant, _) => Task.FromResult(database.GetOrAdd(id, claimant) == claimant));
        var serving = server.RunAsync(stop.Token);
        await using var claims = new RabbitMqActionClaims(executor);

        var first = await claims.ClaimAsync("a1", "runner-1").AsTask().WaitAsync(Deadline);
        var second = await claims.ClaimAsync("a1", "runner-2").AsTask().WaitAsync(Deadline);
        var again = await claims.ClaimAsync("a1", "runner-1").AsTask().WaitAsync(Deadline);

        Assert.True(first);
        Assert.False(second);
        Assert.True(again);

        // The server counts an answer after replying and acknowledging it: the last reply can arrive first.
        var counted = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (server.Answered < 3 && DateTime.UtcNow < counted)
        {
            await Task.Delay(10);
        }

        Assert.Equal(3, server.Answered);
        await stop.CancelAsync();
        await serving;
    }

    [Fact]
    public async Task A_claim_whose_engine_died_before_answering_is_answered_by_another_for_the_same_claimant()
    {
        // Engine A commits the claim and dies before it answers: the request was not acknowledged, so the broker
        // hands it to engine B, which finds the claim already held by this very claimant and says so.
        var options = Options();
        var database = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var committedByA = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseA = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var engineA = new RabbitMqConnection(options, StderrLoggerFactory.FromEnvironment());
        using var stopA = new CancellationTokenSource();
        var serverA = new RabbitMqClaimServer(engineA, async (id, claimant, _) =>
        {
            var won = database.GetOrAdd(id, claimant) == claimant;
            committedByA.TrySetResult();
            await releaseA.Task;
            return won;
        });
        var servingA = serverA.RunAsync(stopA.Token);
        await using var executor = new RabbitMqConnection(options, StderrLoggerFactory.FromEnvironment());
        await using var claims = new RabbitMqActionClaims(executor);

        var claim = claims.ClaimAsync("a1", "runner-1").AsTask();
        await committedByA.Task.WaitAsync(Deadline);
        await engineA.DisposeAsync();
        await using var engineB = new RabbitMqConnection(options, StderrLoggerFactory.FromEnvironment());
        using var stopB = new CancellationTokenSource();
        await using var serverB = new RabbitMqClaimServer(engineB, (id, claimant, _) => Task.FromResult(database.GetOrAdd(id, claimant) == claimant));
        var servingB = serverB.RunAsync(stopB.Token);

        Assert.True(await claim.WaitAsync(Deadline));
        Assert.False(await claims.ClaimAsync("a1", "runner-2").AsTask().WaitAsync(Deadline));
        Assert.Equal(2, serverB.Answered);
        releaseA.SetResult();
        await stopA.CancelAsync();
        await servingA;
        await serverA.DisposeAsync();
        await stopB.CancelAsync();
        await servingB;
    }

    private RabbitMqOptions Options() =>
        new() { Uri = broker.Uri, Prefix = "c" + Guid.NewGuid().ToString("N")[..10], ReconnectDelayMax = TimeSpan.FromSeconds(1) };
}
