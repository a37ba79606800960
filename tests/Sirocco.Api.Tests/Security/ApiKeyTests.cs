using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Sirocco.Api.Auth;
using Sirocco.Api.Tests.Infrastructure;

namespace Sirocco.Api.Tests.Security;

public sealed class ApiKeyTests
{
    [Fact]
    public async Task A_key_is_stored_only_as_its_hash_and_is_shown_once()
    {
        await using var api = await ApiHost.StartAsync(false, KeyClient.AuthOn);
        var (key, id) = await api.NewKeyAsync("write", "p1");

        var stored = Assert.Single(await ApiKeyAdmin.Open(Config(api)).ListAsync(CancellationToken.None));
        var listed = await api.GetAs(KeyClient.Boot, "/v2/keys");

        Assert.Matches("^sk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$", key);
        Assert.Equal(id, stored.Id);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))), stored.KeyHash);
        Assert.DoesNotContain(key[20..], await ReadAllAsync(api.DatabasePath) + await ReadAllAsync(api.DatabasePath + "-wal"), StringComparison.Ordinal);
        Assert.DoesNotContain(key[20..], listed.Text, StringComparison.Ordinal);
        Assert.Equal("p1", listed.Body["keys"]![0]!["project_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Read_keys_may_only_GET_write_keys_may_change_and_only_admin_keys_manage_keys()
    {
        await using var api = await ApiHost.StartAsync(false, KeyClient.AuthOn);
        var (read, _) = await api.NewKeyAsync("read", "p1");
        var (write, _) = await api.NewKeyAsync("write", "p1");
        var (admin, _) = await api.NewKeyAsync("admin", "p1");

        Assert.Equal(HttpStatusCode.OK, (await api.GetAs(read, "/v2/workflows")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostYamlAs(read, "/v2/workflows", Samples.Workflow)).Status);
        Assert.Equal(HttpStatusCode.Created, (await api.PostYamlAs(write, "/v2/workflows", Samples.Workflow)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.As(read, HttpMethod.Delete, "/v2/workflows/demo_wf")).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await api.As(write, HttpMethod.Delete, "/v2/workflows/demo_wf")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAs(write, "/v2/keys")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostJsonAs(write, "/v2/keys", """{"scope": "admin"}""")).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAs(admin, "/v2/keys")).Status);
        Assert.Equal(HttpStatusCode.Created, (await api.PostJsonAs(admin, "/v2/keys", """{"scope": "read", "project_id": "p1"}""")).Status);
    }

    [Fact]
    public async Task Expired_revoked_and_tampered_keys_answer_401()
    {
        await using var api = await ApiHost.StartAsync(false, KeyClient.AuthOn);
        var (shortLived, _) = await api.NewKeyAsync("read", "p1", "1m");
        var (revoked, revokedId) = await api.NewKeyAsync("read", "p1");
        var (good, _) = await api.NewKeyAsync("read", "p1");
        var tampered = good[..^4] + (good[^4..] == "AAAA" ? "BBBB" : "AAAA");

        Assert.Equal(HttpStatusCode.OK, (await api.GetAs(shortLived, "/v2/workflows")).Status);
        api.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.NoContent, (await api.As(KeyClient.Boot, HttpMethod.Delete, $"/v2/keys/{revokedId}")).Status);

        var expired = await api.GetAs(shortLived, "/v2/workflows");
        Assert.Equal(HttpStatusCode.Unauthorized, expired.Status);
        Assert.Contains("unexpired API key", expired.Fault, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAs(revoked, "/v2/workflows")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAs(tampered, "/v2/workflows")).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAs(good, "/v2/workflows")).Status);
    }

    [Fact]
    public async Task A_key_over_its_rate_limit_gets_429_with_Retry_After_while_other_keys_go_on()
    {
        await using var api = await ApiHost.StartAsync(false, [.. KeyClient.AuthOn, "--Auth:RateLimit:Requests=3", "--Auth:RateLimit:Period=01:00:00"]);
        var (noisy, _) = await api.NewKeyAsync("read", "p1");
        var (quiet, _) = await api.NewKeyAsync("read", "p1");

        var answers = new List<Answer>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await api.GetAs(noisy, "/v2/workflows"));
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/v2/workflows", UriKind.Relative));
        request.Headers.Add("X-Auth-Token", noisy);
        using var limited = await api.Http.SendAsync(request);

        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal((HttpStatusCode)429, answers[3].Status);
        Assert.Contains("Too many requests", answers[3].Fault, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, limited.Headers.ToString());
        Assert.Equal(HttpStatusCode.OK, (await api.GetAs(quiet, "/v2/workflows")).Status);
    }

    [Fact]
    public async Task Without_auth_no_key_is_needed_and_everything_is_in_the_default_project()
    {
        await using var api = await ApiHost.StartAsync();

        var created = await api.PostYamlAsync("/v2/workflows", Samples.Workflow);

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("<default-project>", created.Body["workflows"]![0]!["project_id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("GET", "/v2/executions", ApiKeyScope.Read)]
    [InlineData("HEAD", "/v2/executions", ApiKeyScope.Read)]
    [InlineData("POST", "/v2/executions", ApiKeyScope.Write)]
    [InlineData("PUT", "/v2/executions/x", ApiKeyScope.Write)]
    [InlineData("DELETE", "/v2/workflows/x", ApiKeyScope.Write)]
    [InlineData("GET", "/v2/keys", ApiKeyScope.Admin)]
    [InlineData("DELETE", "/v2/keys/abc", ApiKeyScope.Admin)]
    public void Required_scope_of_a_call(string method, string path, ApiKeyScope scope)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;

        Assert.Equal(scope, ApiKeyAuthentication.Required(context.Request));
    }

    [Theory]
    [InlineData("30d", 30 * 24 * 60)]
    [InlineData("12h", 12 * 60)]
    [InlineData("45m", 45)]
    [InlineData("01:30:00", 90)]
    public void Key_lifetimes_read_days_hours_minutes_and_time_spans(string text, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), ApiKeyAdmin.ParseLifetime(text));
    }

    [Fact]
    public void A_key_that_does_not_have_the_stored_shape_is_not_parsed_as_one()
    {
        var (id, key) = ApiKeySecret.New();

        Assert.True(ApiKeySecret.TryParse(key, out var parsedId, out var secret));
        Assert.Equal(id, parsedId);
        Assert.Equal(43, secret.Length);
        Assert.False(ApiKeySecret.TryParse("sk_short", out _, out _));
        Assert.False(ApiKeySecret.TryParse("some-configured-key", out _, out _));
        Assert.Throws<FormatException>(() => ApiKeyAdmin.ParseLifetime("soon"));
    }

    private static IConfiguration Config(ApiHost api) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["db"] = api.DatabasePath }).Build();

    private static async Task<string> ReadAllAsync(string path)
    {
        if (!File.Exists(path))
        {
            return string.Empty;
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, Encoding.Latin1);
        return await reader.ReadToEndAsync();
    }
}
