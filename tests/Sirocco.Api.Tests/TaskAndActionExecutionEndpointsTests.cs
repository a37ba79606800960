using System.Net;
using System.Text.Json.Nodes;
using Sirocco.Api.Tests.Infrastructure;

namespace Sirocco.Api.Tests;

public sealed class TaskAndActionExecutionEndpointsTests : IAsyncLifetime
{
    private ApiHost _api = null!;
    private string _executionId = "";

    private FakeExecutionRuntime Runtime => _api.Runtime!;

    public async Task InitializeAsync()
    {
        _api = await ApiHost.StartAsync(withRuntime: true);
        await _api.PostYamlAsync("/v2/workflows", Samples.Workflow);
        _executionId = (await _api.PostJsonAsync("/v2/executions", """{"workflow_name": "demo_wf", "input": {"name": "ann"}}""")).Str("id")!;
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private async Task<(string TaskId, string ActionId)> WaitingActionAsync()
    {
        var task = (await _api.GetAsync($"/v2/tasks?workflow_execution_id={_executionId}")).Body["tasks"]![0]!;
        var taskId = task["id"]!.GetValue<string>();
        var action = (await _api.GetAsync($"/v2/tasks/{taskId}/action_executions")).Body["action_executions"]![0]!;
        return (taskId, action["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Task_get_includes_result_and_list_filters_by_execution()
    {
        var (taskId, _) = await WaitingActionAsync();

        var task = await _api.GetAsync($"/v2/tasks/{taskId}");

        Assert.Equal("task1", task.Str("name"));
        Assert.Equal("ACTION", task.Str("type"));
        Assert.NotNull(task.Body["result"]);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync("/v2/tasks/nope")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync("/v2/tasks/nope/action_executions")).Status);
    }

    [Fact]
    public async Task Completing_a_waiting_action_is_idempotent_and_a_different_completion_is_409()
    {
        var (_, actionId) = await WaitingActionAsync();

        var first = await _api.PutJsonAsync($"/v2/action_executions/{actionId}", """{"state": "SUCCESS", "output": {"answer": 42}}""");
        var again = await _api.PutJsonAsync($"/v2/action_executions/{actionId}", """{"state": "SUCCESS", "output": "{\"answer\": 42}"}""");
        var different = await _api.PutJsonAsync($"/v2/action_executions/{actionId}", """{"state": "ERROR", "output": {"error": "late"}}""");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("SUCCESS", first.Str("state"));
        Assert.Equal(42, JsonNode.Parse(first.Str("output")!)!["result"]!["answer"]!.GetValue<int>());
        Assert.True(first.Body["accepted"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(first.Str("output"), again.Str("output"));
        Assert.Equal(HttpStatusCode.Conflict, different.Status);
        Assert.Equal("SUCCESS", different.Str("state"));
        Assert.Single(Runtime.Calls, c => c.StartsWith("complete", StringComparison.Ordinal));
        Assert.Equal("SUCCESS", (await _api.GetAsync($"/v2/executions/{_executionId}")).Str("state"));
    }

    [Theory]
    [InlineData("""{"state": "DONE"}""", HttpStatusCode.BadRequest, "Expected one of ['SUCCESS', 'ERROR', 'CANCELLED', 'PAUSED', 'RUNNING'], actual: DONE")]
    [InlineData("""{"output": {"a": 1}}""", HttpStatusCode.BadRequest, "actual: None")]
    [InlineData("""{"state": "SUCCESS", "output": "remote system said no"}""", HttpStatusCode.BadRequest, "Invalid input for field/attribute output")]
    [InlineData("""{"state": "SUCCESS", "output": {"a": 1}, "colour": 1}""", HttpStatusCode.BadRequest, "Unknown attribute")]
    public async Task Bad_completions_are_refused_and_the_action_keeps_waiting(string body, HttpStatusCode status, string expected)
    {
        var (_, actionId) = await WaitingActionAsync();

        var answer = await _api.PutJsonAsync($"/v2/action_executions/{actionId}", body);

        Assert.Equal(status, answer.Status);
        Assert.Contains(expected, answer.Fault, StringComparison.Ordinal);
        Assert.Equal("RUNNING", (await _api.GetAsync($"/v2/action_executions/{actionId}")).Str("state"));
    }

    [Fact]
    public async Task Completing_an_unknown_action_execution_returns_404()
    {
        var answer = await _api.PutJsonAsync("/v2/action_executions/nope", """{"state": "SUCCESS", "output": {}}""");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("ActionExecution not found [id=nope]", answer.Fault);
    }

    [Fact]
    public async Task Action_execution_list_get_and_delete_refused()
    {
        var (taskId, actionId) = await WaitingActionAsync();

        var list = await _api.GetAsync($"/v2/action_executions?task_execution_id={taskId}");
        var get = await _api.GetAsync($"/v2/action_executions/{actionId}");
        var delete = await _api.DeleteAsync($"/v2/action_executions/{actionId}");

        Assert.Single(list.Body["action_executions"]!.AsArray());
        Assert.Equal("std.async_noop", get.Str("name"));
        Assert.False(get.Body["accepted"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Forbidden, delete.Status);
    }

    [Fact]
    public async Task Run_action_directly_runs_a_std_action()
    {
        var answer = await _api.PostJsonAsync("/v2/action_executions", """{"name": "std.echo", "input": "{\"output\": \"direct\"}"}""");

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal("SUCCESS", answer.Str("state"));
        Assert.Equal("direct", JsonNode.Parse(answer.Str("output")!)!["result"]!.GetValue<string>());
        Assert.Null(answer.Body["id"]);
    }

    [Fact]
    public async Task Run_action_directly_runs_an_ad_hoc_action_over_its_base()
    {
        await _api.PostYamlAsync("/v2/actions", Samples.Actions);

        var answer = await _api.PostJsonAsync("/v2/action_executions", """{"name": "my_echo", "input": {"text": "via base"}}""");
        var missing = await _api.PostJsonAsync("/v2/action_executions", """{"name": "my_echo", "input": {}}""");

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal("via base", JsonNode.Parse(answer.Str("output")!)!["result"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, missing.Status);
        Assert.Contains("missing=['text']", missing.Fault, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_action_directly_follows_an_ad_hoc_action_built_on_an_ad_hoc_action()
    {
        const string actions = """
            ---
            version: '2.0'

            inner_echo:
              base: std.echo
              base-input:
                output: <% $.text %>
              input: [text]
              output: <% $ + '!' %>
            outer_echo:
              base: inner_echo
              base-input:
                text: Hi <% $.who %>
              input: [who]
              output:
                said: <% $ %>
            """;
        Assert.Equal(HttpStatusCode.Created, (await _api.PostYamlAsync("/v2/actions", actions)).Status);

        var answer = await _api.PostJsonAsync("/v2/action_executions", """{"name": "outer_echo", "input": {"who": "Ann"}}""");

        Assert.True(answer.Status == HttpStatusCode.Created, answer.Text);
        Assert.Equal("Hi Ann!", JsonNode.Parse(answer.Str("output")!)!["result"]!["said"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"input": {}}""", "Please provide at least action name")]
    [InlineData("""{"name": "no.such.action"}""", "Failed to find action")]
    [InlineData("""{"name": "std.echo", "input": {"wrong": 1}}""", "output")]
    [InlineData("""{"name": "std.echo", "input": {"output": 1}, "params": {"save_result": "maybe"}}""", "save_result")]
    public async Task Bad_action_runs_return_400(string body, string expected)
    {
        var answer = await _api.PostJsonAsync("/v2/action_executions", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains(expected, answer.Fault, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rerun_of_a_failed_task_passes_reset_and_env()
    {
        var (taskId, _) = await Runtime.AddTaskAsync(_executionId, "failing", "ERROR");

        var answer = await _api.PutJsonAsync($"/v2/tasks/{taskId}", $$"""{"id": "{{taskId}}", "state": "RUNNING", "reset": true, "env": "{\"a\": 1}"}""");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("RUNNING", answer.Str("state"));
        Assert.Contains(Runtime.Calls, c => c == $"rerun {taskId} reset=True env={{\"a\":1}}");
    }

    [Theory]
    [InlineData("""{"state": "RUNNING"}""", "reset")]
    [InlineData("""{"state": "SUCCESS", "reset": true}""", "Only updating task to rerun is supported")]
    [InlineData("""{"state": "RUNNING", "reset": true, "name": "other"}""", "Task name does not match")]
    [InlineData("""{"state": "RUNNING", "reset": "sometimes"}""", "Wrong type")]
    public async Task Bad_reruns_return_400(string body, string expected)
    {
        var (taskId, _) = await Runtime.AddTaskAsync(_executionId, "failing", "ERROR");

        var answer = await _api.PutJsonAsync($"/v2/tasks/{taskId}", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains(expected, answer.Fault, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rerun_of_a_task_not_in_error_returns_400_with_its_state()
    {
        var (taskId, _) = await WaitingActionAsync();

        var answer = await _api.PutJsonAsync($"/v2/tasks/{taskId}", """{"state": "RUNNING", "reset": true}""");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("RUNNING", answer.Str("state"));
        Assert.Equal(HttpStatusCode.NotFound, (await _api.PutJsonAsync("/v2/tasks/nope", """{"state": "RUNNING", "reset": true}""")).Status);
    }
}
