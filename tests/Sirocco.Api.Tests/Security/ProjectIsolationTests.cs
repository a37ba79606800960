using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Sirocco.Api.Tests.Infrastructure;

namespace Sirocco.Api.Tests.Security;

/// <summary>Keys of one project against the resources of another, over the real durable runtime.</summary>
public sealed class ProjectIsolationTests
{
    [Fact]
    public async Task A_key_of_one_project_can_neither_see_nor_change_another_projects_execution()
    {
        await using var api = await ApiHost.StartAsync(false, KeyClient.AuthOn);
        var (alice, _) = await api.NewKeyAsync("write", "p1");
        var (bob, _) = await api.NewKeyAsync("write", "p2");
        Assert.Equal(HttpStatusCode.Created, (await api.PostYamlAs(alice, "/v2/workflows", Samples.Workflow)).Status);
        var started = await api.PostJsonAs(alice, "/v2/executions", """{"workflow_name": "demo_wf", "input": {"name": "Ann"}}""");
        Assert.Equal(HttpStatusCode.Created, started.Status);
        var id = started.Str("id")!;
        var done = await PollAsync(api, alice, id);
        var taskId = (await api.GetAs(alice, $"/v2/executions/{id}/tasks")).Body["tasks"]![0]!["id"]!.GetValue<string>();
        var actionId = (await api.GetAs(alice, $"/v2/tasks/{taskId}/action_executions")).Body["action_executions"]![0]!["id"]!.GetValue<string>();

        Assert.Equal("p1", done["project_id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAs(bob, $"/v2/executions/{id}")).Status);
        Assert.Empty((await api.GetAs(bob, "/v2/executions")).Body["executions"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAs(bob, $"/v2/executions/{id}/tasks")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAs(bob, $"/v2/tasks/{taskId}")).Status);
        Assert.Empty((await api.GetAs(bob, "/v2/tasks")).Body["tasks"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAs(bob, $"/v2/action_executions/{actionId}")).Status);
        Assert.Empty((await api.GetAs(bob, "/v2/action_executions")).Body["action_executions"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await Put(api, bob, $"/v2/executions/{id}", """{"description": "mine now"}""")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.As(bob, HttpMethod.Delete, $"/v2/executions/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAs(bob, "/v2/workflows/demo_wf")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostJsonAs(bob, "/v2/executions", """{"workflow_name": "demo_wf", "input": {"name": "Bob"}}""")).Status);

        var still = await api.GetAs(alice, $"/v2/executions/{id}");
        Assert.Equal(HttpStatusCode.OK, still.Status);
        Assert.Equal(done["description"]?.ToJsonString(), still.Body["description"]?.ToJsonString());
        Assert.Single((await api.GetAs(alice, "/v2/tasks")).Body["tasks"]!.AsArray());
        Assert.Equal("p1", (await api.GetAs(alice, $"/v2/action_executions/{actionId}")).Body["project_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Public_workflows_are_readable_and_runnable_by_every_project_but_changed_only_by_their_own()
    {
        await using var api = await ApiHost.StartAsync(false, KeyClient.AuthOn);
        var (alice, _) = await api.NewKeyAsync("write", "p1");
        var (bob, _) = await api.NewKeyAsync("write", "p2");
        Assert.Equal(HttpStatusCode.Created, (await api.PostYamlAs(alice, "/v2/workflows?scope=public", Samples.Workflow)).Status);

        var seen = await api.GetAs(bob, "/v2/workflows/demo_wf");
        var listed = await api.GetAs(bob, "/v2/workflows");
        var started = await api.PostJsonAs(bob, "/v2/executions", """{"workflow_name": "demo_wf", "input": {"name": "Bob"}}""");
        var deleted = await api.As(bob, HttpMethod.Delete, "/v2/workflows/demo_wf");

        Assert.Equal(HttpStatusCode.OK, seen.Status);
        Assert.Equal("p1", seen.Str("project_id"));
        Assert.Single(listed.Body["workflows"]!.AsArray());
        Assert.Equal(HttpStatusCode.Created, started.Status);
        Assert.Equal("p2", started.Str("project_id"));
        Assert.Equal(HttpStatusCode.NotFound, deleted.Status);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAs(alice, "/v2/workflows/demo_wf")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAs(alice, $"/v2/executions/{started.Str("id")}")).Status);
    }

    [Fact]
    public async Task Environments_of_another_project_are_invisible_and_names_may_repeat_across_projects()
    {
        await using var api = await ApiHost.StartAsync(false, KeyClient.AuthOn);
        var (alice, _) = await api.NewKeyAsync("write", "p1");
        var (bob, _) = await api.NewKeyAsync("write", "p2");
        const string Env = """{"name": "prod", "variables": "{\"region\": \"eu\"}"}""";

        Assert.Equal(HttpStatusCode.Created, (await api.PostJsonAs(alice, "/v2/environments", Env)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAs(bob, "/v2/environments/prod")).Status);
        Assert.Empty((await api.GetAs(bob, "/v2/environments")).Body["environments"]!.AsArray());
        Assert.Equal(HttpStatusCode.Created, (await api.PostJsonAs(bob, "/v2/environments", Env)).Status);
        Assert.Equal("p1", (await api.GetAs(alice, "/v2/environments/prod")).Str("project_id"));
        Assert.Equal("p2", (await api.GetAs(bob, "/v2/environments/prod")).Str("project_id"));
    }

    [Fact]
    public async Task A_key_of_another_project_cannot_complete_a_running_delegate()
    {
        // The usual completion is read and decided inside the database writer, outside the caller's request: the
        // project check must still apply there.
        await using var api = await ApiHost.StartAsync(false, KeyClient.AuthOn);
        var (alice, _) = await api.NewKeyAsync("write", "p1");
        var (bob, _) = await api.NewKeyAsync("write", "p2");
        const string Waiting = "version: '2.0'\nwaits:\n  tasks:\n    ask:\n      action: std.async_noop\n";
        Assert.Equal(HttpStatusCode.Created, (await api.PostYamlAs(alice, "/v2/workflows", Waiting)).Status);
        var id = (await api.PostJsonAs(alice, "/v2/executions", """{"workflow_name": "waits"}""")).Str("id")!;
        var actionId = await RunningActionAsync(api, alice, id);

        var refused = await Put(api, bob, $"/v2/action_executions/{actionId}", """{"state": "SUCCESS", "output": 1}""");
        var stillRunning = (await api.GetAs(alice, $"/v2/action_executions/{actionId}")).Str("state");
        var completed = await Put(api, alice, $"/v2/action_executions/{actionId}", """{"state": "SUCCESS", "output": 2}""");

        Assert.Equal(HttpStatusCode.NotFound, refused.Status);
        Assert.Equal("RUNNING", stillRunning);
        Assert.Equal(HttpStatusCode.OK, completed.Status);
        Assert.Equal(("SUCCESS", "p1"), (completed.Str("state"), completed.Str("project_id")));
        Assert.Equal("SUCCESS", (await PollAsync(api, alice, id))["state"]!.GetValue<string>());
    }

    private static async Task<string> RunningActionAsync(ApiHost api, string key, string executionId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var tasks = (await api.GetAs(key, $"/v2/executions/{executionId}/tasks")).Body["tasks"]!.AsArray();
            if (tasks.Count == 1)
            {
                var actions = (await api.GetAs(key, $"/v2/tasks/{tasks[0]!["id"]!.GetValue<string>()}/action_executions")).Body["action_executions"]!.AsArray();
                if (actions is [{ } action] && action["state"]!.GetValue<string>() == "RUNNING")
                {
                    return action["id"]!.GetValue<string>();
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"Execution {executionId} has no running action");
            await Task.Delay(10);
        }
    }

    private static Task<Answer> Put(ApiHost api, string key, string path, string json) =>
        api.As(key, HttpMethod.Put, path, new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<JsonNode> PollAsync(ApiHost api, string key, string id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var execution = (await api.GetAs(key, $"/v2/executions/{id}")).Body;
            if (execution["state"]!.GetValue<string>() is "SUCCESS" or "ERROR")
            {
                return execution;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Execution {id} did not finish: {execution.ToJsonString()}");
            await Task.Delay(10);
        }
    }
}
