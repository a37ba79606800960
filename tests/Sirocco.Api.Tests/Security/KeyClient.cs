using System.Net;
using System.Text;
using Sirocco.Api.Tests.Infrastructure;

namespace Sirocco.Api.Tests.Security;

/// <summary>Requests sent with an API key, and keys created through the admin endpoint with the bootstrap key.</summary>
internal static class KeyClient
{
    /// <summary>The configured (bootstrap, admin) key of the test servers.</summary>
    public const string Boot = "boot-admin-key";

    public static readonly string[] AuthOn = ["--Auth:Enabled=true", $"--Auth:ApiKeys={Boot}"];

    public static Task<Answer> As(this ApiHost api, string key, HttpMethod method, string path, HttpContent? content = null) =>
        api.SendAsync(method, path, content, h => h.Add("X-Auth-Token", key));

    public static Task<Answer> GetAs(this ApiHost api, string key, string path) => api.As(key, HttpMethod.Get, path);

    public static Task<Answer> PostJsonAs(this ApiHost api, string key, string path, string json) =>
        api.As(key, HttpMethod.Post, path, new StringContent(json, Encoding.UTF8, "application/json"));

    public static Task<Answer> PostYamlAs(this ApiHost api, string key, string path, string yaml) =>
        api.As(key, HttpMethod.Post, path, new StringContent(yaml, Encoding.UTF8, "text/plain"));

    /// <summary>Creates a key and returns its text and id.</summary>
    public static async Task<(string Key, string Id)> NewKeyAsync(this ApiHost api, string scope, string project, string? expiresIn = null)
    {
        var body = new System.Text.Json.Nodes.JsonObject { ["scope"] = scope, ["project_id"] = project, ["expires_in"] = expiresIn };
        var created = await api.PostJsonAs(Boot, "/v2/keys", body.ToJsonString());
        Assert.True(created.Status == HttpStatusCode.Created, created.Text);
        return (created.Str("key")!, created.Str("id")!);
    }
}
