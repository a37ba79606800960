using System.Net;
using Sirocco.Api.Tests.Infrastructure;

namespace Sirocco.Api.Tests;

public sealed class WorkbookEndpointsTests : IAsyncLifetime
{
    private ApiHost _api = null!;

    public async Task InitializeAsync() => _api = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Create_returns_the_workbook_unwrapped_and_stores_its_workflows_and_actions_prefixed()
    {
        var answer = await _api.PostYamlAsync("/v2/workbooks", Samples.Workbook);

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal("demo_wb", answer.Str("name"));
        Assert.Equal("wb", answer.Body["tags"]![0]!.GetValue<string>());
        var wf = await _api.GetAsync("/v2/workflows/demo_wb.hello");
        Assert.Equal(HttpStatusCode.OK, wf.Status);
        Assert.StartsWith("hello:", wf.Str("definition"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync("/v2/actions/demo_wb.greet")).Status);
    }

    [Fact]
    public async Task Get_list_and_duplicate()
    {
        await _api.PostYamlAsync("/v2/workbooks", Samples.Workbook);

        var get = await _api.GetAsync("/v2/workbooks/demo_wb");
        var list = await _api.GetAsync("/v2/workbooks");
        var duplicate = await _api.PostYamlAsync("/v2/workbooks", Samples.Workbook);

        Assert.Equal(Samples.Workbook, get.Str("definition"));
        Assert.Single(list.Body["workbooks"]!.AsArray());
        Assert.Equal(HttpStatusCode.Conflict, duplicate.Status);
    }

    [Fact]
    public async Task Update_changes_existing_workflows_and_adds_new_ones()
    {
        await _api.PostYamlAsync("/v2/workbooks", Samples.Workbook);
        var changed = Samples.Workbook.Replace("workflows:\n", "workflows:\n  extra:\n    tasks:\n      t:\n        action: std.noop\n", StringComparison.Ordinal);

        var answer = await _api.PutYamlAsync("/v2/workbooks", changed);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync("/v2/workflows/demo_wb.extra")).Status);
        Assert.Contains("extra:", (await _api.GetAsync("/v2/workbooks/demo_wb")).Str("definition"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_of_an_unknown_workbook_returns_404()
    {
        var answer = await _api.PutYamlAsync("/v2/workbooks", Samples.Workbook);

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
    }

    [Fact]
    public async Task Delete_keeps_the_workflows_as_mistral_does()
    {
        await _api.PostYamlAsync("/v2/workbooks", Samples.Workbook);

        var deleted = await _api.DeleteAsync("/v2/workbooks/demo_wb");

        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync("/v2/workbooks/demo_wb")).Status);
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync("/v2/workflows/demo_wb.hello")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.DeleteAsync("/v2/workbooks/demo_wb")).Status);
    }

    [Fact]
    public async Task Invalid_workbook_returns_400_and_validate_reports_it()
    {
        const string bad = "version: '2.0'\nname: bad_wb\nworkflows:\n  w:\n    tasks:\n      t:\n        action: std.noop\n        on-error: nowhere\n";

        var create = await _api.PostYamlAsync("/v2/workbooks", bad);
        var validate = await _api.PostYamlAsync("/v2/workbooks/validate", bad);
        var good = await _api.PostYamlAsync("/v2/workbooks/validate", Samples.Workbook);

        Assert.Equal(HttpStatusCode.BadRequest, create.Status);
        Assert.False(validate.Body["valid"]!.GetValue<bool>());
        Assert.True(good.Body["valid"]!.GetValue<bool>());
    }
}
