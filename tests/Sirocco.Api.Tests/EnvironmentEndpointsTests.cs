using System.Net;
using System.Text.Json.Nodes;
using Sirocco.Api.Tests.Infrastructure;

namespace Sirocco.Api.Tests;

public sealed class EnvironmentEndpointsTests : IAsyncLifetime
{
    private ApiHost _api = null!;

    public async Task InitializeAsync() => _api = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Create_accepts_variables_as_a_json_string_like_the_client_and_shows_them_as_one()
    {
        var answer = await _api.PostJsonAsync("/v2/environments", """{"name": "prod", "description": "production", "variables": "{\"host\": \"db1\"}"}""");

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal("db1", JsonNode.Parse(answer.Str("variables")!)!["host"]!.GetValue<string>());
        Assert.Equal("private", answer.Str("scope"));
    }

    [Fact]
    public async Task Get_list_update_delete()
    {
        await _api.PostJsonAsync("/v2/environments", """{"name": "prod", "variables": {"a": 1}}""");

        var update = await _api.PutJsonAsync("/v2/environments", """{"name": "prod", "description": "changed"}""");
        var get = await _api.GetAsync("/v2/environments/prod");
        var list = await _api.GetAsync("/v2/environments");
        var delete = await _api.DeleteAsync("/v2/environments/prod");

        Assert.Equal(HttpStatusCode.OK, update.Status);
        Assert.Equal("changed", get.Str("description"));
        Assert.Equal(1, JsonNode.Parse(get.Str("variables")!)!["a"]!.GetValue<int>());
        Assert.Single(list.Body["environments"]!.AsArray());
        Assert.Equal(HttpStatusCode.NoContent, delete.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync("/v2/environments/prod")).Status);
    }

    [Theory]
    [InlineData("{\"name\": \"x\", \"variables\": ", "Malformed JSON")]
    [InlineData("[1, 2]", "must be a JSON object")]
    [InlineData("{\"variables\": {}}", "missing field \"name\"")]
    [InlineData("{\"name\": \"x\"}", "missing field \"variables\"")]
    [InlineData("{\"name\": 5, \"variables\": {}}", "Wrong type")]
    [InlineData("{\"name\": \"x\", \"variables\": [1]}", "must be a dictionary")]
    [InlineData("{\"name\": \"x\", \"variables\": \"not json\"}", "Invalid input for field/attribute variables")]
    [InlineData("{\"name\": \"x\", \"variables\": {}, \"colour\": 1}", "Unknown attribute")]
    [InlineData("{\"name\": \"x\", \"variables\": {}, \"scope\": \"galaxy\"}", "Invalid scope")]
    [InlineData("", "empty")]
    public async Task Bad_bodies_return_400_with_a_clear_faultstring(string body, string expected)
    {
        var answer = await _api.PostJsonAsync("/v2/environments", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains(expected, answer.Fault, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_update_leaves_the_stored_environment_unchanged()
    {
        await _api.PostJsonAsync("/v2/environments", """{"name": "prod", "variables": {"a": 1}}""");

        var bad = await _api.PutJsonAsync("/v2/environments", """{"name": "prod", "variables": [1, 2]}""");

        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal("{\"a\":1}", (await _api.GetAsync("/v2/environments/prod")).Str("variables"));
    }

    [Fact]
    public async Task Duplicate_returns_409_and_unknown_update_404()
    {
        await _api.PostJsonAsync("/v2/environments", """{"name": "prod", "variables": {}}""");

        var duplicate = await _api.PostJsonAsync("/v2/environments", """{"name": "prod", "variables": {}}""");
        var unknown = await _api.PutJsonAsync("/v2/environments", """{"name": "ghost", "variables": {}}""");

        Assert.Equal(HttpStatusCode.Conflict, duplicate.Status);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.DeleteAsync("/v2/environments/ghost")).Status);
    }
}
