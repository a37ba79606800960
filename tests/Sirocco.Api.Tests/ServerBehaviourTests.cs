using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Sirocco.Api.Hosting;
using Sirocco.Api.Tests.Infrastructure;

namespace Sirocco.Api.Tests;

public sealed class ServerBehaviourTests
{
    [Fact]
    public async Task Oversize_body_returns_413_and_stores_nothing()
    {
        await using var api = await ApiHost.StartAsync(false, "--Api:MaxRequestBodyBytes=2048");
        var big = Samples.NamedWorkflow("big_wf") + "# " + new string('x', 4096) + "\n";

        var answer = await api.PostYamlAsync("/v2/workflows", big);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        Assert.Contains("too large", answer.Fault, StringComparison.Ordinal);
        Assert.Contains("2048", answer.Fault, StringComparison.Ordinal);
        Assert.Contains("Api:MaxRequestBodyBytes", answer.Fault, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/v2/workflows/big_wf")).Status);
    }

    [Fact]
    public async Task Unknown_route_returns_404_with_faultstring()
    {
        await using var api = await ApiHost.StartAsync();

        var answer = await api.GetAsync("/v2/widgets");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Contains("/v2/widgets", answer.Fault, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_methods_get_a_faultstring_too()
    {
        await using var api = await ApiHost.StartAsync(false, "--Runtime:Enabled=false");

        var outside = await api.DeleteAsync("/health");
        var inside = await api.DeleteAsync("/v2/workflows");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, outside.Status);
        Assert.Contains("DELETE /health", outside.Fault, StringComparison.Ordinal);
        // Under /v2 the fallback answers first, as for any unknown resource.
        Assert.Equal(HttpStatusCode.NotFound, inside.Status);
        Assert.Contains("DELETE /v2/workflows", inside.Fault, StringComparison.Ordinal);
    }

    [Fact]
    public async Task V2_root_services_openapi_and_reference_page_are_served()
    {
        await using var api = await ApiHost.StartAsync();

        var root = await api.GetAsync("/v2");
        var services = await api.GetAsync("/v2/services");
        var openApi = await api.GetAsync("/openapi/v1.json");
        var docs = await api.GetAsync("/docs");

        Assert.EndsWith("/v2", root.Str("uri"), StringComparison.Ordinal);
        Assert.Contains(services.Body["services"]!.AsArray(), s => s!["type"]!.GetValue<string>() == "engine_group");
        Assert.Equal(HttpStatusCode.OK, openApi.Status);
        Assert.Contains("\"/v2/workflows\"", openApi.Text, StringComparison.Ordinal);
        Assert.Contains("\"/v2/action_executions/{id}\"", openApi.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, docs.Status);
        Assert.Contains("<html", docs.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Without_the_runtime_execution_changes_answer_503()
    {
        await using var api = await ApiHost.StartAsync(false, "--Runtime:Enabled=false");
        await api.PostYamlAsync("/v2/workflows", Samples.Workflow);

        var answer = await api.PostJsonAsync("/v2/executions", """{"workflow_name": "demo_wf", "input": {"name": "x"}}""");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
        Assert.Contains("runtime is not configured", answer.Fault, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_auth_on_requests_need_an_api_key_as_x_auth_token_or_bearer()
    {
        await using var api = await ApiHost.StartAsync(false, "--Auth:Enabled=true", "--Auth:ApiKeys=s3cret;other");

        var none = await api.GetAsync("/v2/workflows");
        var wrong = await api.SendAsync(HttpMethod.Get, "/v2/workflows", null, h => h.Add("X-Auth-Token", "guess"));
        var token = await api.SendAsync(HttpMethod.Get, "/v2/workflows", null, h => h.Add("X-Auth-Token", "s3cret"));
        var bearer = await api.SendAsync(HttpMethod.Get, "/v2/workflows", null, h => h.Authorization = new AuthenticationHeaderValue("Bearer", "other"));
        var root = await api.GetAsync("/");

        Assert.Equal(HttpStatusCode.Unauthorized, none.Status);
        Assert.Contains("X-Auth-Token", none.Fault, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Equal(HttpStatusCode.OK, token.Status);
        Assert.Equal(HttpStatusCode.OK, bearer.Status);
        Assert.Equal(HttpStatusCode.OK, root.Status);
    }

    [Fact]
    public void A_non_loopback_address_without_auth_is_refused_unless_explicitly_allowed()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => SiroccoServer.Build([], "http://0.0.0.0:0"));
        Assert.Contains("--allow-insecure-remote", refused.Message, StringComparison.Ordinal);

        var allowed = SiroccoServer.Build(["--allow-insecure-remote"], "http://0.0.0.0:0");
        var withAuth = SiroccoServer.Build(["--Auth:Enabled=true", "--Auth:ApiKeys=k"], "http://0.0.0.0:0");
        Assert.NotNull(allowed);
        Assert.NotNull(withAuth);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8989", true)]
    [InlineData("http://localhost:5000", true)]
    [InlineData("http://[::1]:80", true)]
    [InlineData("http://0.0.0.0:8989", false)]
    [InlineData("http://*:8989", false)]
    [InlineData("http://+:8989", false)]
    [InlineData("http://10.1.2.3:8989", false)]
    public void Loopback_detection(string url, bool loopback)
    {
        Assert.Equal(loopback, ListenGuard.IsLoopback(url));
    }

    [Fact]
    public async Task Mistral_client_style_text_plain_upload_works_with_any_accept_header()
    {
        await using var api = await ApiHost.StartAsync();
        using var content = new StringContent(Samples.Workflow, Encoding.UTF8, "text/plain");

        var answer = await api.SendAsync(HttpMethod.Post, "/v2/workflows", content, h => h.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json")));

        Assert.Equal(HttpStatusCode.Created, answer.Status);
    }
}
