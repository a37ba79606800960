using System.Net;
using System.Text.Json.Nodes;
using Sirocco.Api.Tests.Infrastructure;

namespace Sirocco.Api.Tests;

/// <summary>
/// Forcing SUCCESS/ERROR, changing description and env, and deleting executions over the real durable runtime
/// (no fakes), with the bad requests next to each.
/// </summary>
public sealed class DurableExecutionChangesTests : IAsyncLifetime
{
    private const string Flows = """
        ---
        version: '2.0'

        waiting_wf:
          output:
            who: <% env().who %>
          tasks:
            say:
              action: std.echo output="hi <% env().who %>"
              publish:
                said: <% task().result %>
              on-success: [wait]
            wait:
              action: std.async_noop
              on-success: [after]
            after:
              action: std.echo output=<% env().who %>
        parent_wf:
          tasks:
            call:
              workflow: waiting_wf
        globals_wf:
          vars:
            declared: 1
          tasks:
            publisher:
              action: std.echo output=2
              on-success:
                publish:
                  branch:
                    local: 3
                  global:
                    shared: <% task().result %>
        """;

    private ApiHost _api = null!;

    public async Task InitializeAsync()
    {
        _api = await ApiHost.StartAsync();
        Assert.Equal(HttpStatusCode.Created, (await _api.PostYamlAsync("/v2/workflows", Flows)).Status);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private Task<JsonNode> PollAsync(string path, Func<JsonNode, bool> done) => _api.PollAsync(path, done);

    /// <summary>Starts <c>waiting_wf</c> and returns once its delegate action waits.</summary>
    private async Task<(string ExecutionId, string ActionId)> StartWaitingAsync(string who = "ann")
    {
        var started = await _api.PostJsonAsync("/v2/executions", new JsonObject { ["workflow_name"] = "waiting_wf", ["params"] = new JsonObject { ["env"] = new JsonObject { ["who"] = who } } }.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, started.Status);
        var id = started.Str("id")!;
        var actionId = await WaitingActionAsync(id);
        return (id, actionId);
    }

    private async Task<string> WaitingActionAsync(string executionId)
    {
        var tasks = await PollAsync($"/v2/executions/{executionId}/tasks", t => t["tasks"]!.AsArray().Any(x => x!["name"]!.GetValue<string>() == "wait"));
        var wait = tasks["tasks"]!.AsArray().Single(x => x!["name"]!.GetValue<string>() == "wait")!["id"]!.GetValue<string>();
        var actions = await PollAsync($"/v2/tasks/{wait}/action_executions", a => a["action_executions"]!.AsArray().Count > 0);
        return actions["action_executions"]![0]!["id"]!.GetValue<string>();
    }

    private async Task<Dictionary<string, string>> TaskStatesAsync(string executionId) =>
        (await _api.GetAsync($"/v2/executions/{executionId}/tasks")).Body["tasks"]!.AsArray()
            .ToDictionary(t => t!["name"]!.GetValue<string>(), t => t!["state"]!.GetValue<string>());

    [Fact]
    public async Task Forcing_ERROR_ends_the_execution_with_the_message_and_closes_the_waiting_task()
    {
        var (id, actionId) = await StartWaitingAsync();

        var forced = await _api.PutJsonAsync($"/v2/executions/{id}", """{"state": "ERROR", "state_info": "Force"}""");

        Assert.Equal(HttpStatusCode.OK, forced.Status);
        Assert.Equal("ERROR", forced.Str("state"));
        Assert.Equal("Force", forced.Str("state_info"));
        var stored = await _api.GetAsync($"/v2/executions/{id}");
        Assert.Equal("ERROR", stored.Str("state"));
        Assert.Equal("Force", JsonNode.Parse(stored.Str("output")!)!["result"]!.GetValue<string>());
        var tasks = await TaskStatesAsync(id);
        Assert.Equal("SUCCESS", tasks["say"]);
        Assert.Equal("ERROR", tasks["wait"]);
        Assert.False(tasks.ContainsKey("after"));
        Assert.Equal("CANCELLED", (await _api.GetAsync($"/v2/action_executions/{actionId}")).Str("state"));
        var late = await _api.PutJsonAsync($"/v2/action_executions/{actionId}", """{"state": "SUCCESS", "output": 1}""");
        Assert.Equal(HttpStatusCode.Conflict, late.Status);
    }

    [Fact]
    public async Task Forcing_SUCCESS_evaluates_the_output_over_what_finished()
    {
        var (id, _) = await StartWaitingAsync("bob");

        var forced = await _api.PutJsonAsync($"/v2/executions/{id}", """{"state": "SUCCESS", "state_info": "Like this, done"}""");

        Assert.Equal(HttpStatusCode.OK, forced.Status);
        Assert.Equal("SUCCESS", forced.Str("state"));
        Assert.Equal("Like this, done", forced.Str("state_info"));
        Assert.Equal("CANCELLED", (await TaskStatesAsync(id))["wait"]);
        Assert.Equal("bob", JsonNode.Parse((await _api.GetAsync($"/v2/executions/{id}")).Str("output")!)!["who"]!.GetValue<string>());
        var again = await _api.PutJsonAsync($"/v2/executions/{id}", """{"state": "SUCCESS"}""");
        var other = await _api.PutJsonAsync($"/v2/executions/{id}", """{"state": "ERROR"}""");
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(HttpStatusCode.Conflict, other.Status);
        Assert.Equal("SUCCESS", other.Str("state"));
    }

    [Fact]
    public async Task A_paused_execution_may_be_forced_to_ERROR_but_not_to_SUCCESS()
    {
        var (id, _) = await StartWaitingAsync();
        Assert.Equal("PAUSED", (await _api.PutJsonAsync($"/v2/executions/{id}", """{"state": "PAUSED"}""")).Str("state"));

        var success = await _api.PutJsonAsync($"/v2/executions/{id}", """{"state": "SUCCESS"}""");
        var error = await _api.PutJsonAsync($"/v2/executions/{id}", """{"state": "ERROR"}""");

        Assert.Equal(HttpStatusCode.BadRequest, success.Status);
        Assert.Contains("from PAUSED to SUCCESS", success.Fault, StringComparison.Ordinal);
        Assert.Equal("ERROR", error.Str("state"));
        Assert.Null(error.Body["state_info"]);
    }

    [Fact]
    public async Task A_sub_workflow_forced_by_hand_ends_its_parent_task_like_a_natural_end()
    {
        var parentId = (await _api.PostJsonAsync("/v2/executions", """{"workflow_name": "parent_wf", "params": {"env": {"who": "sub"}}}""")).Str("id")!;
        var subs = await PollAsync($"/v2/executions/{parentId}/executions", e => e["executions"]!.AsArray().Count > 0);
        var childId = subs["executions"]![0]!["id"]!.GetValue<string>();
        await WaitingActionAsync(childId);

        var forced = await _api.PutJsonAsync($"/v2/executions/{childId}", """{"state": "ERROR", "state_info": "child failed by hand"}""");

        Assert.Equal("ERROR", forced.Str("state"));
        var parent = await PollAsync($"/v2/executions/{parentId}", e => e["state"]!.GetValue<string>() != "RUNNING");
        Assert.Equal("ERROR", parent["state"]!.GetValue<string>());
        Assert.Contains("child failed by hand", parent["state_info"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Description_changes_in_any_state_and_env_only_while_nothing_runs()
    {
        var (id, actionId) = await StartWaitingAsync("old");

        var described = await _api.PutJsonAsync($"/v2/executions/{id}", """{"description": "renamed"}""");
        var envWhileRunning = await _api.PutJsonAsync($"/v2/executions/{id}", """{"params": {"env": {"who": "new"}}}""");
        await _api.PutJsonAsync($"/v2/executions/{id}", """{"state": "PAUSED"}""");
        var envWhilePaused = await _api.PutJsonAsync($"/v2/executions/{id}", """{"params": "{\"env\": {\"who\": \"new\", \"extra\": 1}}", "description": "both"}""");
        await _api.PutJsonAsync($"/v2/executions/{id}", """{"state": "RUNNING"}""");
        await _api.PutJsonAsync($"/v2/action_executions/{actionId}", """{"state": "SUCCESS", "output": null}""");
        var done = await PollAsync($"/v2/executions/{id}", e => e["state"]!.GetValue<string>() != "RUNNING");

        Assert.Equal(HttpStatusCode.OK, described.Status);
        Assert.Equal("renamed", described.Str("description"));
        Assert.Equal("RUNNING", described.Str("state"));
        Assert.Equal(HttpStatusCode.Forbidden, envWhileRunning.Status);
        Assert.Contains("only permitted if it is in IDLE, PAUSED, or ERROR state", envWhileRunning.Fault, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, envWhilePaused.Status);
        Assert.Equal("PAUSED", envWhilePaused.Str("state"));
        var env = JsonNode.Parse(envWhilePaused.Str("params")!)!["env"]!;
        Assert.Equal("new", env["who"]!.GetValue<string>());
        Assert.Equal(1, env["extra"]!.GetValue<int>());
        Assert.Equal("SUCCESS", done["state"]!.GetValue<string>());
        Assert.Equal("both", done["description"]!.GetValue<string>());
        var after = (await _api.GetAsync($"/v2/executions/{id}/tasks")).Body["tasks"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == "after")!;
        Assert.Equal("\"new\"", (await _api.GetAsync($"/v2/tasks/{after["id"]!.GetValue<string>()}")).Str("result"));
    }

    [Theory]
    [InlineData("""{"description": 5}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"params": {"env": 5}}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"params": {"env": "no_such_environment"}}""", HttpStatusCode.NotFound)]
    [InlineData("""{"description": ""}""", HttpStatusCode.BadRequest)]
    public async Task Bad_description_or_env_updates_are_refused_and_change_nothing(string body, HttpStatusCode expected)
    {
        var (id, _) = await StartWaitingAsync();

        var answer = await _api.PutJsonAsync($"/v2/executions/{id}", body);

        Assert.Equal(expected, answer.Status);
        var stored = await _api.GetAsync($"/v2/executions/{id}");
        Assert.Equal("RUNNING", stored.Str("state"));
        Assert.Equal(string.Empty, stored.Str("description"));
    }

    [Fact]
    public async Task Updating_or_deleting_an_unknown_execution_is_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _api.PutJsonAsync("/v2/executions/nope", """{"state": "ERROR"}""")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.PutJsonAsync("/v2/executions/nope", """{"description": "x"}""")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.DeleteAsync("/v2/executions/nope")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.DeleteAsync("/v2/executions/nope?force=true")).Status);
    }

    [Fact]
    public async Task Delete_removes_the_execution_with_its_tasks_actions_and_sub_workflows()
    {
        var parentId = (await _api.PostJsonAsync("/v2/executions", """{"workflow_name": "parent_wf", "params": {"env": {"who": "x"}}}""")).Str("id")!;
        var subs = await PollAsync($"/v2/executions/{parentId}/executions", e => e["executions"]!.AsArray().Count > 0);
        var childId = subs["executions"]![0]!["id"]!.GetValue<string>();
        var actionId = await WaitingActionAsync(childId);

        var refused = await _api.DeleteAsync($"/v2/executions/{parentId}");
        var badForce = await _api.DeleteAsync($"/v2/executions/{parentId}?force=perhaps");
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("Only completed executions can be deleted", refused.Fault, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badForce.Status);
        Assert.Equal(HttpStatusCode.OK, (await _api.GetAsync($"/v2/executions/{childId}")).Status);

        var forced = await _api.DeleteAsync($"/v2/executions/{parentId}?force=true");

        Assert.Equal(HttpStatusCode.NoContent, forced.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync($"/v2/executions/{parentId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync($"/v2/executions/{childId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync($"/v2/action_executions/{actionId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync($"/v2/executions/{parentId}/tasks")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.PutJsonAsync($"/v2/action_executions/{actionId}", """{"state": "SUCCESS"}""")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.DeleteAsync($"/v2/executions/{parentId}?force=true")).Status);
    }

    [Fact]
    public async Task A_finished_execution_is_deleted_without_force_and_others_stay()
    {
        var (keep, _) = await StartWaitingAsync();
        var (gone, _) = await StartWaitingAsync();
        await _api.PutJsonAsync($"/v2/executions/{gone}", """{"state": "ERROR"}""");

        var deleted = await _api.DeleteAsync($"/v2/executions/{gone}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        var listed = (await _api.GetAsync("/v2/executions")).Body["executions"]!.AsArray().Select(e => e!["id"]!.GetValue<string>()).ToList();
        Assert.Contains(keep, listed);
        Assert.DoesNotContain(gone, listed);
        Assert.Equal("RUNNING", (await _api.GetAsync($"/v2/executions/{keep}")).Str("state"));
    }

    [Fact]
    public async Task Published_global_shows_the_global_scope_without_the_declared_vars()
    {
        var id = (await _api.PostJsonAsync("/v2/executions", """{"workflow_name": "globals_wf"}""")).Str("id")!;
        await PollAsync($"/v2/executions/{id}", e => e["state"]!.GetValue<string>() == "SUCCESS");

        var answer = await _api.GetAsync($"/v2/executions/{id}");
        var listed = (await _api.GetAsync("/v2/executions")).Body["executions"]!.AsArray().Single(e => e!["id"]!.GetValue<string>() == id)!;

        Assert.Equal("""{"shared":2}""", answer.Str("published_global"));
        Assert.Null(listed["published_global"]);
    }
}
