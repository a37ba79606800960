using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace Sirocco.Api.Tests.Callbacks;

/// <summary>The life of a signed callback token over the real server: its expiry and the grace after its action ends, on fake time.</summary>
public sealed partial class DelegateCallbackTests
{
    private const string NotFoundMessage = "Callback not found: unknown action execution, or a wrong or expired token.";

    [Fact]
    public async Task A_token_answers_a_repeated_completion_during_the_grace_and_404_after_it()
    {
        _clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        _options = ["--Callbacks:RevokedTokenGrace=00:10:00"];
        await RestartServerAsync();
        var (executionId, _, callback) = await StartDelegateAsync();
        const string completion = """{"state": "SUCCESS", "output": {"ok": true}}""";

        var first = await PostAsync(callback, completion);
        await PollExecutionAsync(executionId);
        _clock.Advance(TimeSpan.FromMinutes(9));
        var withinGrace = await PostAsync(callback, completion);
        var conflicting = await PostAsync(callback, """{"state": "ERROR", "output": {"reason": "changed my mind"}}""");
        var heartbeat = await PostAsync(new Uri(callback + "/heartbeat"), "{}");
        _clock.Advance(TimeSpan.FromMinutes(1));
        var afterGrace = await PostAsync(callback, completion);
        var lateHeartbeat = await PostAsync(new Uri(callback + "/heartbeat"), "{}");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, withinGrace.Status);
        Assert.Equal(HttpStatusCode.Conflict, conflicting.Status);
        Assert.Equal(HttpStatusCode.Conflict, heartbeat.Status);
        Assert.Equal(HttpStatusCode.NotFound, afterGrace.Status);
        Assert.Equal(NotFoundMessage, afterGrace.Body!["faultstring"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, lateHeartbeat.Status);
    }

    [Fact]
    public async Task An_expired_token_answers_404_and_leaves_the_action_running()
    {
        _clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        _options = ["--Callbacks:TokenLifetime=00:30:00"];
        await RestartServerAsync();
        var (_, actionId, callback) = await StartDelegateAsync();

        _clock.Advance(TimeSpan.FromMinutes(29));
        var beat = await PostAsync(new Uri(callback + "/heartbeat"), "{}");
        _clock.Advance(TimeSpan.FromMinutes(1));
        var expired = await PostAsync(callback, """{"state": "SUCCESS", "output": 1}""");

        Assert.Equal(HttpStatusCode.OK, beat.Status);
        Assert.Equal(HttpStatusCode.NotFound, expired.Status);
        Assert.Equal(NotFoundMessage, expired.Body!["faultstring"]!.GetValue<string>());
        Assert.Equal("RUNNING", (await GetAsync($"/v2/action_executions/{actionId}"))["state"]!.GetValue<string>());
    }
}
