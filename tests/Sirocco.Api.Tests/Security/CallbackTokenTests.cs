using System.Buffers.Text;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Sirocco.Api.Callbacks;
using Sirocco.Api.Tests.Callbacks;

namespace Sirocco.Api.Tests.Security;

/// <summary>The rules of callback tokens: signed for one action, expiring, dead soon after their action, never logged.</summary>
public sealed class CallbackTokenTests
{
    private const string ActionId = "5c0e7a4e-3b9f-4c1e-9f55-6f1d2a7b8c90";
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private static readonly DateTimeOffset Issued = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

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
    public void A_token_is_valid_for_its_action_until_its_expiry()
    {
        var token = CallbackToken.Issue(Key, ActionId, Issued.AddHours(1));

        Assert.True(CallbackToken.IsValid(Key, ActionId, token, Issued));
        Assert.True(CallbackToken.IsValid(Key, ActionId, token, Issued.AddMinutes(59)));
        Assert.False(CallbackToken.IsValid(Key, ActionId, token, Issued.AddHours(1)));
        Assert.False(CallbackToken.IsValid(Key, ActionId, token, Issued.AddDays(1)));
    }

    [Fact]
    public void A_token_without_a_lifetime_never_expires()
    {
        var token = CallbackToken.Issue(Key, ActionId, expiresAt: null);

        Assert.StartsWith("0.", token, StringComparison.Ordinal);
        Assert.True(CallbackToken.IsValid(Key, ActionId, token, Issued.AddYears(50)));
    }

    [Fact]
    public void A_token_is_refused_for_another_action_or_under_another_key()
    {
        var token = CallbackToken.Issue(Key, ActionId, Issued.AddHours(1));

        Assert.False(CallbackToken.IsValid(Key, "another-action", token, Issued));
        Assert.False(CallbackToken.IsValid(Key, ActionId + "\n", token, Issued));
        Assert.False(CallbackToken.IsValid(new byte[32], ActionId, token, Issued));
    }

    [Fact]
    public void A_tampered_mac_or_expiry_is_refused()
    {
        var token = CallbackToken.Issue(Key, ActionId, Issued.AddHours(1));
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        var expiry = long.Parse(token[..dot], CultureInfo.InvariantCulture);
        var mac = token[(dot + 1)..];
        var flipped = (mac[0] == 'A' ? 'B' : 'A') + mac[1..];

        Assert.False(CallbackToken.IsValid(Key, ActionId, $"{expiry}.{flipped}", Issued));
        Assert.False(CallbackToken.IsValid(Key, ActionId, $"{expiry + 3600}.{mac}", Issued));
        Assert.False(CallbackToken.IsValid(Key, ActionId, $"0.{mac}", Issued));
        Assert.False(CallbackToken.IsValid(Key, ActionId, $"0{expiry}.{mac}", Issued));
        Assert.False(CallbackToken.IsValid(Key, ActionId, $"{expiry}.{mac}=", Issued));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("-1.AAAA")]
    [InlineData("1e9.AAAA")]
    [InlineData("99999999999999999999999.AAAA")]
    public void A_malformed_token_is_refused(string token) =>
        Assert.False(CallbackToken.IsValid(Key, ActionId, token, Issued));

    [Fact]
    public void Tokens_of_different_actions_or_keys_differ()
    {
        var other = RandomNumberGenerator.GetBytes(32);

        Assert.NotEqual(CallbackToken.Issue(Key, ActionId, null), CallbackToken.Issue(Key, "another-action", null));
        Assert.NotEqual(CallbackToken.Issue(Key, ActionId, null), CallbackToken.Issue(other, ActionId, null));
        Assert.Equal(32, Base64Url.DecodeFromChars(CallbackToken.Issue(Key, ActionId, null).AsSpan(2)).Length);
    }
}
