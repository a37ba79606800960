using System.Net;
using System.Text.Json.Nodes;
using Sirocco.Api.Tests.Infrastructure;

namespace Sirocco.Api.Tests;

public sealed class ExecutionEndpointsTests : IAsyncLifetime
{
    private ApiHost _api = null!;

    private FakeExecutionRuntime Runtime => _api.Runtime!;

    public async Task InitializeAsync()
    {
        _api = await ApiHost.StartAsync(withRuntime: true);
        await _api.PostYamlAsync("/v2/workflows", Samples.Workflow);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private async Task<string> StartAsync(string body = """{"workflow_name": "demo_wf", "input": {"name": "ann"}}""")
    {
        var answer = await _api.PostJsonAsync("/v2/executions", body);
        Assert.Equal(HttpStatusCode.Created, answer.Status);
        return answer.Str("id")!;
    }

    [Fact]
    public async Task Start_by_name_returns_201_with_nested_data_as_json_strings()
    {
        var answer = await _api.PostJsonAsync("/v2/executions", """{"workflow_name": "demo_wf", "input": "{\"name\": \"ann\"}", "description": "observed run"}""");

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal("RUNNING", answer.Str("state"));
        Assert.Equal("observed run", answer.Str("description"));
        Assert.Equal("ann", JsonNode.Parse(answer.Str("input")!)!["name"]!.GetValue<string>());
        var parameters = JsonNode.Parse(answer.Str("params")!)!;
        Assert.Equal("", parameters["namespace"]!.GetValue<string>());
        Assert.NotNull(parameters["env"]);
        Assert.Equal("start demo_wf", Runtime.Calls.Single());
    }

    [Fact]
    public async Task Start_by_workflow_id_and_with_env_by_name()
    {
        await _api.PostJsonAsync("/v2/environments", """{"name": "prod", "variables": {"host": "db1"}}""");
        var wfId = (await _api.GetAsync("/v2/workflows/demo_wf")).Str("id");

        await StartAsync($$$"""{"workflow_id": "{{{wfId}}}", "input": {"name": "x"}, "params": {"env": "prod"}}""");

        Assert.Equal("db1", JsonNode.Parse(Runtime.LastStart!.ParamsJson)!["env"]!["host"]!.GetValue<string>());
    }

    [Fact]
    public async Task Source_execution_id_copies_workflow_and_input()
    {
        var first = await StartAsync();

        await StartAsync($$"""{"source_execution_id": "{{first}}"}""");

        Assert.Equal("{\"name\":\"ann\"}", Runtime.LastStart!.InputJson);
        Assert.Equal(first, Runtime.LastStart.SourceExecutionId);
    }

    [Theory]
    [InlineData("""{"input": {}}""", HttpStatusCode.BadRequest, "Workflow ID or workflow name must be provided")]
    [InlineData("""{"workflow_name": "ghost"}""", HttpStatusCode.NotFound, "ghost")]
    [InlineData("""{"workflow_name": "demo_wf"}""", HttpStatusCode.BadRequest, "missing=['name']")]
    [InlineData("""{"workflow_name": "demo_wf", "input": {"name": 1, "extra": 2}}""", HttpStatusCode.BadRequest, "unexpected=['extra']")]
    [InlineData("""{"workflow_name": "demo_wf", "input": [1]}""", HttpStatusCode.BadRequest, "must be a dictionary")]
    [InlineData("""{"workflow_name": "demo_wf", "input": {"name": 1}, "params": {"env": "nowhere"}}""", HttpStatusCode.NotFound, "Environment not found")]
    [InlineData("""{"workflow_name": "demo_wf", "input": {"name": 1}, "params": {"env": 5}}""", HttpStatusCode.BadRequest, "env")]
    [InlineData("""{"workflow_name": 42}""", HttpStatusCode.BadRequest, "Wrong type")]
    [InlineData("""{"source_execution_id": "nope"}""", HttpStatusCode.NotFound, "WorkflowExecution not found [id=nope]")]
    [InlineData("""{"workflow_name": "demo_wf", "input": {"name": 1}, "colour": "red"}""", HttpStatusCode.BadRequest, "Unknown attribute")]
    public async Task Bad_start_requests_are_refused_before_the_runtime_is_called(string body, HttpStatusCode status, string expected)
    {
        var answer = await _api.PostJsonAsync("/v2/executions", body);

        Assert.Equal(status, answer.Status);
        Assert.Contains(expected, answer.Fault, StringComparison.Ordinal);
        Assert.Empty(Runtime.Calls);
    }

    [Fact]
    public async Task Get_adds_published_global_and_list_omits_output_unless_asked()
    {
        var id = await StartAsync();

        var get = await _api.GetAsync($"/v2/executions/{id}");
        var list = await _api.GetAsync("/v2/executions?workflow_name=demo_wf");
        var withOutput = await _api.GetAsync("/v2/executions?include_output=true");

        Assert.Equal("{}", get.Str("published_global"));
        Assert.Null(list.Body["executions"]![0]!["output"]);
        Assert.Equal("{}", withOutput.Body["executions"]![0]!["output"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync("/v2/executions/nope")).Status);
    }

    [Fact]
    public async Task Pause_resume_cancel()
    {
        var id = await StartAsync();

        var paused = await _api.PutJsonAsync($"/v2/executions/{id}", """{"state": "PAUSED"}""");
        var resumed = await _api.PutJsonAsync($"/v2/executions/{id}", """{"state": "RUNNING"}""");
        var cancelled = await _api.PutJsonAsync($"/v2/executions/{id}", """{"state": "CANCELLED", "state_info": "stopped by observer"}""");

        Assert.Equal("PAUSED", paused.Str("state"));
        Assert.Equal("RUNNING", resumed.Str("state"));
        Assert.Equal("CANCELLED", cancelled.Str("state"));
        Assert.Equal("stopped by observer", cancelled.Str("state_info"));
    }

    [Fact]
    public async Task A_finished_execution_cannot_be_paused_409_and_same_state_is_a_no_op()
    {
        var id = await StartAsync();
        await Runtime.SetExecutionStateAsync(id, "SUCCESS");

        var pause = await _api.PutJsonAsync($"/v2/executions/{id}", """{"state": "PAUSED"}""");
        var same = await _api.PutJsonAsync($"/v2/executions/{id}", """{"state": "SUCCESS"}""");

        Assert.Equal(HttpStatusCode.Conflict, pause.Status);
        Assert.Equal("SUCCESS", pause.Str("state"));
        Assert.Equal(HttpStatusCode.OK, same.Status);
        Assert.DoesNotContain(Runtime.Calls, c => c.StartsWith("state", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Description_changes_alone()
    {
        var id = await StartAsync();

        var answer = await _api.PutJsonAsync($"/v2/executions/{id}", """{"description": "renamed"}""");

        Assert.Equal("renamed", answer.Str("description"));
        Assert.Equal("RUNNING", answer.Str("state"));
    }

    [Theory]
    [InlineData("""{"description": "x", "state": "RUNNING"}""", "must be updated separately from state")]
    [InlineData("""{"state": "DONE"}""", "Cannot change state to DONE")]
    [InlineData("""{}""", "not provided for update")]
    [InlineData("""{"params": {"env": {"a": 1}, "other": 1}}""", "may only contain 'env'")]
    [InlineData("""{"state": "PAUSED", "params": {"env": {"a": 1}}}""", "env")]
    [InlineData("""{"state": 5}""", "Wrong type")]
    [InlineData("""not json""", "Malformed JSON")]
    public async Task Bad_updates_return_400_and_change_nothing(string body, string expected)
    {
        var id = await StartAsync();

        var answer = await _api.PutJsonAsync($"/v2/executions/{id}", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains(expected, answer.Fault, StringComparison.Ordinal);
        Assert.Equal("RUNNING", (await _api.GetAsync($"/v2/executions/{id}")).Str("state"));
    }

    [Fact]
    public async Task Update_of_an_unknown_execution_returns_404()
    {
        var answer = await _api.PutJsonAsync("/v2/executions/nope", """{"state": "PAUSED"}""");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
    }

    [Fact]
    public async Task Delete_a_running_execution_needs_force()
    {
        var id = await StartAsync();

        var refused = await _api.DeleteAsync($"/v2/executions/{id}");
        var forced = await _api.DeleteAsync($"/v2/executions/{id}?force=true");

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal(HttpStatusCode.NoContent, forced.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync($"/v2/executions/{id}")).Status);
    }

    [Fact]
    public async Task Tasks_of_an_execution_and_of_unknown_execution()
    {
        var id = await StartAsync();

        var tasks = await _api.GetAsync($"/v2/executions/{id}/tasks");

        Assert.Equal("task1", tasks.Body["tasks"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("{}", tasks.Body["tasks"]![0]!["published"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync("/v2/executions/nope/tasks")).Status);
    }

    [Fact]
    public async Task Report_and_sub_executions_walk_the_tree()
    {
        var id = await StartAsync();
        var (taskId, _) = await Runtime.AddTaskAsync(id, "call_sub", "RUNNING", type: "WORKFLOW");
        var subId = await Runtime.AddSubExecutionAsync(taskId, id, "ERROR");

        var report = await _api.GetAsync($"/v2/executions/{id}/report");
        var subs = await _api.GetAsync($"/v2/executions/{id}/executions");
        var errorsOnly = await _api.GetAsync($"/v2/executions/{id}/executions?errors_only=true&max_depth=0");
        var ofTask = await _api.GetAsync($"/v2/tasks/{taskId}/executions");

        Assert.Equal(2, report.Body["statistics"]!["total_tasks_count"]!.GetValue<int>());
        Assert.Equal(2, report.Body["statistics"]!["running_tasks_count"]!.GetValue<int>());
        var callSub = report.Body["root_workflow_execution"]!["task_executions"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == "call_sub")!;
        Assert.Equal(subId, callSub["workflow_executions"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(subId, subs.Body["executions"]![0]!["id"]!.GetValue<string>());
        Assert.Empty(errorsOnly.Body["executions"]!.AsArray());
        Assert.Equal(subId, ofTask.Body["executions"]![0]!["id"]!.GetValue<string>());
    }
}
