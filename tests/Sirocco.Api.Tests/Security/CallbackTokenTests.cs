using System.Net;
using System.Text.Json.Nodes;
using Sirocco.Api.Callbacks;
using Sirocco.Api.Tests.Callbacks;

namespace Sirocco.Api.Tests.Security;

/// <summary>The rules of callback tokens: random, hashed, compared in constant time, revoked with their action, never logged.</summary>
public sealed class CallbackTokenTests
{
    private const string Flow = """
        ---
        version: '2.0'

        delegate_wf:
          input: [url]
          tasks:
            ask:
              action: std.mistral_http url=<% $.url %> method='POST'
        """;

    [Fact]
    public async Task The_token_of_a_callback_URL_is_never_logged_and_dies_with_its_action()
    {
        await using var peer = await DelegatePeer.StartAsync();
        await using var server = await CapturedServer.StartAsync("--Callbacks:RevokedTokenGrace=00:00:00");
        await server.SendAsync(HttpMethod.Post, "/v2/workflows", Flow, "text/plain");
        var input = new JsonObject { ["url"] = peer.Url }.ToJsonString();
        var (_, started) = await server.SendAsync(HttpMethod.Post, "/v2/executions", new JsonObject { ["workflow_name"] = "delegate_wf", ["input"] = input }.ToJsonString());
        var headers = await peer.Called.WaitAsync(TimeSpan.FromSeconds(30));
        var callback = headers["Mistral-Callback-URL"];
        var actionId = headers["Mistral-Action-Execution-Id"];
        var token = callback[(callback.LastIndexOf('/') + 1)..];

        var (completed, _) = await server.SendAsync(HttpMethod.Post, callback, """{"state": "SUCCESS", "output": {"ok": true}}""");
        await server.PollExecutionAsync(started!["id"]!.GetValue<string>());
        var (repeated, _) = await server.SendAsync(HttpMethod.Post, callback, """{"state": "SUCCESS", "output": {"ok": true}}""");
        var (heartbeat, _) = await server.SendAsync(HttpMethod.Post, callback + "/heartbeat", "{}");

        Assert.Equal(HttpStatusCode.OK, completed);
        Assert.Equal(HttpStatusCode.NotFound, repeated);
        Assert.Equal(HttpStatusCode.NotFound, heartbeat);
        Assert.Contains($"/v2/callbacks/{actionId}/***", server.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(token, server.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Tokens_carry_256_random_bits_and_only_their_hash_is_compared()
    {
        var tokens = Enumerable.Range(0, 100).Select(_ => CallbackToken.New()).ToList();

        Assert.All(tokens, t => Assert.Equal(32, Convert.FromBase64String(t.Replace('-', '+').Replace('_', '/') + "=").Length));
        Assert.Equal(100, tokens.Distinct().Count());
        Assert.True(CallbackToken.Matches(CallbackToken.Hash(tokens[0]), tokens[0]));
        Assert.False(CallbackToken.Matches(CallbackToken.Hash(tokens[0]), tokens[1]));
        Assert.NotEqual(tokens[0], CallbackToken.Hash(tokens[0]));
    }
}
