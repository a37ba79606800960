using System.Net;
using Sirocco.Api.Tests.Infrastructure;

namespace Sirocco.Api.Tests;

public sealed class WorkflowEndpointsTests : IAsyncLifetime
{
    private ApiHost _api = null!;

    public async Task InitializeAsync() => _api = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Create_returns_201_with_one_entry_per_workflow_and_interface_as_object()
    {
        var answer = await _api.PostYamlAsync("/v2/workflows", Samples.Workflow);

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        var wf = answer.Body["workflows"]![0]!;
        Assert.Equal("demo_wf", wf["name"]!.GetValue<string>());
        Assert.Equal("", wf["namespace"]!.GetValue<string>());
        Assert.Equal("private", wf["scope"]!.GetValue<string>());
        Assert.Equal("<default-project>", wf["project_id"]!.GetValue<string>());
        Assert.Equal("name, greeting=\"hello\"", wf["input"]!.GetValue<string>());
        Assert.Equal("demo", wf["tags"]![0]!.GetValue<string>());
        Assert.Equal("hello", wf["interface"]!["input"]![1]!["greeting"]!.GetValue<string>());
        Assert.Equal("text", wf["interface"]!["output"]![0]!.GetValue<string>());
        Assert.Equal("2026-11-26 12:00:00", wf["created_at"]!.GetValue<string>());
        Assert.Equal(Samples.Workflow, wf["definition"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_shows_interface_as_a_json_string_and_finds_by_name_or_id()
    {
        var created = await _api.PostYamlAsync("/v2/workflows", Samples.Workflow);
        var id = created.Body["workflows"]![0]!["id"]!.GetValue<string>();

        var byName = await _api.GetAsync("/v2/workflows/demo_wf");
        var byId = await _api.GetAsync($"/v2/workflows/{id}");

        Assert.Equal(HttpStatusCode.OK, byName.Status);
        Assert.Equal(id, byId.Str("id"));
        var iface = System.Text.Json.Nodes.JsonNode.Parse(byName.Str("interface")!)!;
        Assert.Equal("name", iface["input"]![0]!.GetValue<string>());
        Assert.Null(byName.Body["updated_at"]);
    }

    [Fact]
    public async Task A_file_with_two_workflows_stores_each_with_its_own_slice()
    {
        var answer = await _api.PostYamlAsync("/v2/workflows", Samples.TwoWorkflows);

        Assert.Equal(2, answer.Body["workflows"]!.AsArray().Count);
        var second = await _api.GetAsync("/v2/workflows/second_wf");
        Assert.Equal("x", second.Str("input"));
        Assert.DoesNotContain("first_wf", second.Str("definition"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicate_returns_409_with_mistral_faultstring_and_keeps_the_original()
    {
        await _api.PostYamlAsync("/v2/workflows", Samples.Workflow);

        var answer = await _api.PostYamlAsync("/v2/workflows", Samples.NamedWorkflow("demo_wf"));

        Assert.Equal(HttpStatusCode.Conflict, answer.Status);
        Assert.StartsWith("Duplicate entry for WorkflowDefinition", answer.Fault, StringComparison.Ordinal);
        Assert.Equal(Samples.Workflow, (await _api.GetAsync("/v2/workflows/demo_wf")).Str("definition"));
    }

    [Fact]
    public async Task Invalid_dsl_returns_400_with_line_and_column_and_stores_nothing()
    {
        var answer = await _api.PostYamlAsync("/v2/workflows", Samples.InvalidWorkflow);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.StartsWith("Invalid DSL: line 8, column", answer.Fault, StringComparison.Ordinal);
        Assert.Equal("Client", answer.Str("faultcode"));
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync("/v2/workflows/broken_wf")).Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n")]
    [InlineData("version: '2.0'\nwf: [unclosed")]
    [InlineData("just text")]
    public async Task Bad_definitions_return_400(string yaml)
    {
        var answer = await _api.PostYamlAsync("/v2/workflows", yaml);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.NotEmpty(answer.Fault);
    }

    [Fact]
    public async Task Unknown_scope_returns_400()
    {
        var answer = await _api.PostYamlAsync("/v2/workflows?scope=everyone", Samples.Workflow);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("Invalid scope", answer.Fault, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Namespaces_keep_same_named_workflows_apart()
    {
        await _api.PostYamlAsync("/v2/workflows", Samples.NamedWorkflow("shared"));
        var other = await _api.PostYamlAsync("/v2/workflows?namespace=team_a&scope=public", Samples.NamedWorkflow("shared"));

        Assert.Equal(HttpStatusCode.Created, other.Status);
        var inA = await _api.GetAsync("/v2/workflows/shared?namespace=team_a");
        Assert.Equal("team_a", inA.Str("namespace"));
        Assert.Equal("public", inA.Str("scope"));
        var list = await _api.GetAsync("/v2/workflows?namespace=team_a");
        Assert.Single(list.Body["workflows"]!.AsArray());
    }

    [Fact]
    public async Task Update_replaces_the_text_and_sets_updated_at()
    {
        var created = await _api.PostYamlAsync("/v2/workflows", Samples.Workflow);
        _api.Clock.Advance(TimeSpan.FromMinutes(5));
        var changed = Samples.Workflow.Replace("Says hello", "Says hi", StringComparison.Ordinal);

        var answer = await _api.PutYamlAsync("/v2/workflows", changed);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var wf = answer.Body["workflows"]![0]!;
        Assert.Equal(created.Body["workflows"]![0]!["id"]!.GetValue<string>(), wf["id"]!.GetValue<string>());
        Assert.Equal("2026-11-26 12:05:00", wf["updated_at"]!.GetValue<string>());
        Assert.Contains("Says hi", (await _api.GetAsync("/v2/workflows/demo_wf")).Str("definition"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_by_identifier_returns_the_single_workflow()
    {
        var created = await _api.PostYamlAsync("/v2/workflows", Samples.Workflow);
        var id = created.Body["workflows"]![0]!["id"]!.GetValue<string>();

        var answer = await _api.PutYamlAsync($"/v2/workflows/{id}", Samples.Workflow);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(id, answer.Str("id"));
    }

    [Fact]
    public async Task Update_by_identifier_with_another_name_returns_400()
    {
        await _api.PostYamlAsync("/v2/workflows", Samples.Workflow);

        var answer = await _api.PutYamlAsync("/v2/workflows/demo_wf", Samples.NamedWorkflow("other"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
    }

    [Fact]
    public async Task Update_of_an_unknown_workflow_returns_404()
    {
        var answer = await _api.PutYamlAsync("/v2/workflows", Samples.NamedWorkflow("ghost"));

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Contains("ghost", answer.Fault, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_returns_204_then_get_returns_404()
    {
        await _api.PostYamlAsync("/v2/workflows", Samples.Workflow);

        var deleted = await _api.DeleteAsync("/v2/workflows/demo_wf");
        var missing = await _api.GetAsync("/v2/workflows/demo_wf");

        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal("WorkflowDefinition not found [identifier=demo_wf]", missing.Fault);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.DeleteAsync("/v2/workflows/demo_wf")).Status);
    }

    [Fact]
    public async Task Validate_answers_valid_true_for_good_text()
    {
        var answer = await _api.PostYamlAsync("/v2/workflows/validate", Samples.Workflow);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.True(answer.Body["valid"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync("/v2/workflows/demo_wf")).Status);
    }

    [Fact]
    public async Task Validate_answers_the_error_with_its_position_for_bad_text()
    {
        var answer = await _api.PostYamlAsync("/v2/workflows/validate", Samples.InvalidWorkflow);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.False(answer.Body["valid"]!.GetValue<bool>());
        Assert.Contains("missing_task", answer.Str("error"), StringComparison.Ordinal);
        Assert.Equal(8, answer.Body["errors"]![0]!["line"]!.GetValue<int>());
    }
}
