using System.Net;
using System.Text.Json.Nodes;
using Sirocco.Api.Tests.Infrastructure;

namespace Sirocco.Api.Tests;

/// <summary>The routes over the real durable runtime, action runner and std actions (no fakes).</summary>
public sealed class DurableRuntimeWiringTests : IAsyncLifetime
{
    private const string Flow = """
        ---
        version: '2.0'

        real_wf:
          input: [name]
          output:
            greeting: <% $.greeting %>
            answer: <% $.answer %>
          tasks:
            say:
              action: std.echo output="hello <% $.name %>"
              publish:
                greeting: <% task().result %>
              on-success: [wait]
            wait:
              action: std.async_noop
              publish:
                answer: <% task().result %>
        """;

    private ApiHost _api = null!;

    public async Task InitializeAsync()
    {
        _api = await ApiHost.StartAsync();
        Assert.Equal(HttpStatusCode.Created, (await _api.PostYamlAsync("/v2/workflows", Flow)).Status);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private Task<JsonNode> PollAsync(string path, Func<JsonNode, bool> done) => _api.PollAsync(path, done);

    private static bool HasRunningAction(JsonNode list) =>
        list["action_executions"]!.AsArray().Any(a => a!["name"]!.GetValue<string>() == "std.async_noop" && a["state"]!.GetValue<string>() == "RUNNING");

    [Fact]
    public async Task A_workflow_runs_until_its_delegate_action_is_completed_through_the_webhook()
    {
        var started = await _api.PostJsonAsync("/v2/executions", """{"workflow_name": "real_wf", "input": {"name": "ann"}}""");
        Assert.Equal(HttpStatusCode.Created, started.Status);
        var id = started.Str("id")!;

        var actions = await PollAsync("/v2/action_executions", HasRunningAction);
        var actionId = actions["action_executions"]!.AsArray().First(a => a!["name"]!.GetValue<string>() == "std.async_noop")!["id"]!.GetValue<string>();
        var completed = await _api.PutJsonAsync($"/v2/action_executions/{actionId}", """{"state": "SUCCESS", "output": {"answer": 42}}""");
        var again = await _api.PutJsonAsync($"/v2/action_executions/{actionId}", """{"state": "SUCCESS", "output": {"answer": 42}}""");
        var conflicting = await _api.PutJsonAsync($"/v2/action_executions/{actionId}", """{"state": "ERROR", "output": "\"no\""}""");

        Assert.Equal(HttpStatusCode.OK, completed.Status);
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(HttpStatusCode.Conflict, conflicting.Status);

        // The answer is built from the action read before and what the engine stored, not read back: it must say
        // exactly what reading it gives (state, output, accepted, update time to the microsecond).
        Assert.Equal("SUCCESS", completed.Str("state"));
        Assert.True(completed.Body["accepted"]!.GetValue<bool>());
        Assert.Equal((await _api.GetAsync($"/v2/action_executions/{actionId}")).Body.ToJsonString(), completed.Body.ToJsonString());
        var done = await PollAsync($"/v2/executions/{id}", e => e["state"]!.GetValue<string>() is "SUCCESS" or "ERROR");
        Assert.Equal("SUCCESS", done["state"]!.GetValue<string>());
        var output = JsonNode.Parse(done["output"]!.GetValue<string>())!;
        Assert.Equal("hello ann", output["greeting"]!.GetValue<string>());
        Assert.Equal(42, output["answer"]!["answer"]!.GetValue<int>());
    }

    [Fact]
    public async Task Pause_resume_and_cancel_reach_the_engine()
    {
        var id = (await _api.PostJsonAsync("/v2/executions", """{"workflow_name": "real_wf", "input": {"name": "bob"}}""")).Str("id")!;
        await PollAsync("/v2/action_executions", HasRunningAction);

        var paused = await _api.PutJsonAsync($"/v2/executions/{id}", """{"state": "PAUSED"}""");
        var resumed = await _api.PutJsonAsync($"/v2/executions/{id}", """{"state": "RUNNING"}""");
        var cancelled = await _api.PutJsonAsync($"/v2/executions/{id}", """{"state": "CANCELLED", "state_info": "stopped"}""");

        Assert.Equal("PAUSED", paused.Str("state"));
        Assert.Equal("RUNNING", resumed.Str("state"));
        Assert.Equal("CANCELLED", cancelled.Str("state"));
    }

    [Fact]
    public async Task Tasks_and_report_show_the_real_run()
    {
        var id = (await _api.PostJsonAsync("/v2/executions", """{"workflow_name": "real_wf", "input": {"name": "cid"}}""")).Str("id")!;
        await PollAsync("/v2/action_executions", HasRunningAction);

        var tasks = await _api.GetAsync($"/v2/executions/{id}/tasks");
        var say = tasks.Body["tasks"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == "say")!;
        var task = await _api.GetAsync($"/v2/tasks/{say["id"]!.GetValue<string>()}");
        var report = await _api.GetAsync($"/v2/executions/{id}/report");

        Assert.Equal("SUCCESS", say["state"]!.GetValue<string>());
        Assert.Equal("\"hello cid\"", task.Str("result"));
        Assert.Equal(2, report.Body["statistics"]!["total_tasks_count"]!.GetValue<int>());
    }
}
