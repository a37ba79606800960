using System.Net;
using Sirocco.Api.Tests.Infrastructure;

namespace Sirocco.Api.Tests;

public sealed class ActionEndpointsTests : IAsyncLifetime
{
    private ApiHost _api = null!;

    public async Task InitializeAsync() => _api = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task List_holds_the_std_actions_from_the_registry()
    {
        var answer = await _api.GetAsync("/v2/actions");

        var echo = answer.Body["actions"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == "std.echo")!;
        Assert.True(echo["is_system"]!.GetValue<bool>());
        Assert.StartsWith("output", echo["input"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_sorted_by_created_at_works_unlike_mistral_15()
    {
        await _api.PostYamlAsync("/v2/actions", Samples.Actions);

        var answer = await _api.GetAsync("/v2/actions?sort_keys=created_at&sort_dirs=desc&limit=1");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("my_echo", answer.Body["actions"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ad_hoc_action_create_get_and_delete()
    {
        var created = await _api.PostYamlAsync("/v2/actions", Samples.Actions);
        var get = await _api.GetAsync("/v2/actions/my_echo/");
        var deleted = await _api.DeleteAsync("/v2/actions/my_echo");

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var action = created.Body["actions"]![0]!;
        Assert.Equal("text", action["input"]!.GetValue<string>());
        Assert.Equal("Echoes with a prefix", action["description"]!.GetValue<string>());
        Assert.False(action["is_system"]!.GetValue<bool>());
        Assert.Equal("my_echo", get.Str("name"));
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync("/v2/actions/my_echo")).Status);
    }

    [Fact]
    public async Task Ad_hoc_action_update_returns_the_list()
    {
        await _api.PostYamlAsync("/v2/actions", Samples.Actions);

        var answer = await _api.PutYamlAsync("/v2/actions", Samples.Actions.Replace("with a prefix", "again", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("Echoes again", answer.Body["actions"]![0]!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Std_actions_can_be_read_but_not_deleted_or_replaced()
    {
        var get = await _api.GetAsync("/v2/actions/std.noop");
        var delete = await _api.DeleteAsync("/v2/actions/std.noop");
        var replace = await _api.PostYamlAsync("/v2/actions", "version: '2.0'\nstd.noop:\n  base: std.echo\n  base-input:\n    output: 1\n");

        Assert.Equal(HttpStatusCode.OK, get.Status);
        Assert.Equal(HttpStatusCode.BadRequest, delete.Status);
        Assert.Equal(HttpStatusCode.BadRequest, replace.Status);
    }

    [Fact]
    public async Task Invalid_action_returns_400_and_validate_reports_it()
    {
        const string bad = "version: '2.0'\nbroken:\n  base-input:\n    x: 1\n";

        var create = await _api.PostYamlAsync("/v2/actions", bad);
        var validate = await _api.PostYamlAsync("/v2/actions/validate", bad);
        var good = await _api.PostYamlAsync("/v2/actions/validate", Samples.Actions);

        Assert.Equal(HttpStatusCode.BadRequest, create.Status);
        Assert.False(validate.Body["valid"]!.GetValue<bool>());
        Assert.True(good.Body["valid"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Unknown_action_returns_404()
    {
        var answer = await _api.GetAsync("/v2/actions/nope.nothing");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Contains("nope.nothing", answer.Fault, StringComparison.Ordinal);
    }
}
