using System.Net;
using Sirocco.Api.Tests.Infrastructure;

namespace Sirocco.Api.Tests;

public sealed class ListingTests : IAsyncLifetime
{
    private ApiHost _api = null!;

    public async Task InitializeAsync()
    {
        _api = await ApiHost.StartAsync();
        foreach (var name in new[] { "wf_a", "wf_b", "wf_c" })
        {
            await _api.PostYamlAsync("/v2/workflows", Samples.NamedWorkflow(name));
            _api.Clock.Advance(TimeSpan.FromSeconds(10));
        }
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private static string[] Names(Answer answer) =>
        [.. answer.Body["workflows"]!.AsArray().Select(w => w!["name"]!.GetValue<string>())];

    [Fact]
    public async Task Default_order_is_created_at_ascending()
    {
        Assert.Equal(["wf_a", "wf_b", "wf_c"], Names(await _api.GetAsync("/v2/workflows")));
    }

    [Fact]
    public async Task A_full_page_has_a_next_link_that_leads_to_the_following_page()
    {
        var first = await _api.GetAsync("/v2/workflows?limit=2&fields=name");

        Assert.Equal(["wf_a", "wf_b"], Names(first));
        var next = first.Str("next")!;
        Assert.Contains("sort_keys=created_at%2Cid", next, StringComparison.Ordinal);
        Assert.Contains("fields=id%2Cname", next, StringComparison.Ordinal);
        var second = await _api.GetAsync(new Uri(next).PathAndQuery);
        Assert.Equal(["wf_c"], Names(second));
        Assert.Null(second.Body["next"]);
    }

    [Fact]
    public async Task Fields_keep_only_the_named_fields_and_id()
    {
        var answer = await _api.GetAsync("/v2/workflows?fields=name");

        var first = answer.Body["workflows"]![0]!.AsObject();
        Assert.Equal(["id", "name"], first.Select(p => p.Key).ToArray());
    }

    [Fact]
    public async Task Sort_dirs_desc_reverses()
    {
        Assert.Equal(["wf_c", "wf_b", "wf_a"], Names(await _api.GetAsync("/v2/workflows?sort_keys=name&sort_dirs=desc")));
    }

    [Theory]
    [InlineData("name=wf_b", new[] { "wf_b" })]
    [InlineData("name=eq:wf_b", new[] { "wf_b" })]
    [InlineData("name=neq:wf_b", new[] { "wf_a", "wf_c" })]
    [InlineData("name=in:wf_a,wf_c", new[] { "wf_a", "wf_c" })]
    [InlineData("name=nin:wf_a,wf_c", new[] { "wf_b" })]
    [InlineData("name=has:_c", new[] { "wf_c" })]
    [InlineData("created_at=gt:2026-11-26 12:00:05", new[] { "wf_b", "wf_c" })]
    [InlineData("created_at=gte:2026-11-26 12:00:10", new[] { "wf_b", "wf_c" })]
    [InlineData("created_at=lt:2026-11-26 12:00:10", new[] { "wf_a" })]
    [InlineData("created_at=lte:2026-11-26 12:00:10", new[] { "wf_a", "wf_b" })]
    public async Task Filters_with_mistral_operators(string query, string[] expected)
    {
        Assert.Equal(expected, Names(await _api.GetAsync("/v2/workflows?" + query)));
    }

    [Fact]
    public async Task Marker_starts_after_the_named_row()
    {
        var all = await _api.GetAsync("/v2/workflows");
        var firstId = all.Body["workflows"]![0]!["id"]!.GetValue<string>();

        Assert.Equal(["wf_b", "wf_c"], Names(await _api.GetAsync("/v2/workflows?marker=" + firstId)));
    }

    [Theory]
    [InlineData("limit=abc")]
    [InlineData("limit=-1")]
    [InlineData("sort_dirs=sideways")]
    [InlineData("sort_keys=definition")]
    [InlineData("fields=nonsense")]
    [InlineData("colour=blue")]
    [InlineData("created_at=gt:yesterday")]
    [InlineData("sort_keys=name&sort_dirs=asc,desc")]
    public async Task Bad_list_parameters_return_400(string query)
    {
        var answer = await _api.GetAsync("/v2/workflows?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.NotEmpty(answer.Fault);
    }
}
