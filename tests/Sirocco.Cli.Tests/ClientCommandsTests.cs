using System.Text.Json.Nodes;
using Sirocco.Cli.Client;

namespace Sirocco.Cli.Tests;

/// <summary>The client commands against a real server.</summary>
public sealed class ClientCommandsTests : IAsyncLifetime
{
    private const string Workflows = """
        version: '2.0'
        greet:
          input:
            - name
          output:
            text: <% $.text %>
          tasks:
            hello:
              action: std.echo output="Hello, <% $.name %>"
              publish:
                text: <% task().result %>
        wait_for_ok:
          tasks:
            ask:
              action: std.async_noop
              publish:
                answer: <% task().result %>
              on-success: [after]
            after:
              action: std.noop
        broken:
          tasks:
            boom:
              action: std.fail
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("sirocco-cli-").FullName;
    private ClientServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await ClientServer.StartAsync();
        var file = Path.Combine(_folder, "wf.yaml");
        await File.WriteAllTextAsync(file, Workflows);
        var (exit, output, error) = await _server.RunAsync("workflow", "create", file);
        Assert.True(exit == 0, error);
        Assert.Contains("wait_for_ok", output, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Workflow_list_get_and_delete()
    {
        var (_, table, _) = await _server.RunAsync("workflow", "list");
        Assert.Contains("greet", table, StringComparison.Ordinal);
        Assert.Contains("╭", table, StringComparison.Ordinal);

        var (exit, json, _) = await _server.RunAsync("workflow", "get", "greet", "--json");
        Assert.Equal(0, exit);
        Assert.Contains("action: std.echo", JsonNode.Parse(json)!["definition"]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Equal(0, (await _server.RunAsync("workflow", "delete", "broken")).Exit);
        var (_, after, _) = await _server.RunAsync("workflow", "list", "--json");
        Assert.DoesNotContain(JsonNode.Parse(after)!.AsArray(), w => w!["name"]!.GetValue<string>() == "broken");

        var (missing, _, error) = await _server.RunAsync("workflow", "get", "broken");
        Assert.Equal(1, missing);
        Assert.Contains("404", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execution_start_with_watch_shows_progress_and_exits_0_on_success()
    {
        var (exit, output, error) = await _server.RunAsync("execution", "start", "greet", "--input", """{"name": "Neo"}""", "--watch");

        Assert.True(exit == 0, error);
        Assert.Matches(@"SUCCESS\s+tasks: 1 done, 0 running, 0 failed\s+elapsed \d+\.\d s", output);
        Assert.Contains("hello", output, StringComparison.Ordinal);

        var (_, list, _) = await _server.RunAsync("execution", "list", "--workflow", "greet", "--json");
        var execution = Assert.Single(JsonNode.Parse(list)!.AsArray());
        Assert.Equal("SUCCESS", execution!["state"]!.GetValue<string>());
        var (_, got, _) = await _server.RunAsync("execution", "get", execution["id"]!.GetValue<string>(), "--json");
        Assert.Equal("Hello, Neo", JsonNode.Parse(JsonNode.Parse(got)!["output"]!.GetValue<string>())!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Action_complete_finishes_a_waiting_delegate_and_watch_sees_the_end()
    {
        var id = await StartAsync("wait_for_ok");
        var action = await WaitForRunningActionAsync(id);
        var watch = _server.RunAsync("execution", "watch", id);

        var (exit, output, error) = await _server.RunAsync("action", "complete", action, "--output", """{"ok": true}""");
        Assert.True(exit == 0, error);
        Assert.Contains("SUCCESS", output, StringComparison.Ordinal);

        var (watchExit, progress, _) = await watch.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, watchExit);
        Assert.Contains("tasks: 2 done, 0 running, 0 failed", progress, StringComparison.Ordinal);
        var (_, tasks, _) = await _server.RunAsync("task", "list", id, "--json");
        var ask = JsonNode.Parse(tasks)!.AsArray().Single(t => t!["name"]!.GetValue<string>() == "ask");
        Assert.Contains("\"ok\"", ask!["published"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pause_resume_cancel_and_a_refused_change_prints_the_server_error()
    {
        var id = await StartAsync("wait_for_ok");
        await WaitForRunningActionAsync(id);

        Assert.Contains("PAUSED", (await _server.RunAsync("execution", "pause", id)).Output, StringComparison.Ordinal);
        Assert.Contains("RUNNING", (await _server.RunAsync("execution", "resume", id)).Output, StringComparison.Ordinal);
        var (_, cancelled, _) = await _server.RunAsync("execution", "cancel", id, "--json");
        Assert.Equal("CANCELLED", JsonNode.Parse(cancelled)!["state"]!.GetValue<string>());

        var (exit, _, error) = await _server.RunAsync("execution", "resume", id);
        Assert.Equal(1, exit);
        Assert.StartsWith("error: 4", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Task_rerun_restarts_a_failed_task_and_is_refused_for_a_successful_one()
    {
        var failed = await StartAsync("broken");
        var (watchExit, _, _) = await _server.RunAsync("execution", "watch", failed);
        Assert.Equal(1, watchExit);
        var (_, tasks, _) = await _server.RunAsync("task", "list", failed, "--json");
        var boom = JsonNode.Parse(tasks)!.AsArray().Single();
        Assert.Equal("ERROR", boom!["state"]!.GetValue<string>());

        var (exit, output, error) = await _server.RunAsync("task", "rerun", boom["id"]!.GetValue<string>(), "--json");
        Assert.True(exit == 0, error);

        // The answer is the task as stored when it is read back: its action (std.fail) is handed over as soon
        // as the rerun commits, so it may already have failed again. Either way the task ran anew.
        Assert.Contains(JsonNode.Parse(output)!["state"]!.GetValue<string>(), new[] { "RUNNING", "ERROR" });
        Assert.Equal(1, (await _server.RunAsync("execution", "watch", failed)).Exit);
        using (var http = new HttpClient { BaseAddress = new Uri(_server.Url) })
        {
            // One action for the first run, one for the rerun.
            var actions = JsonNode.Parse(await http.GetStringAsync(new Uri($"/v2/tasks/{boom["id"]}/action_executions", UriKind.Relative)))!;
            Assert.Equal(2, actions["action_executions"]!.AsArray().Count);
        }

        var done = await StartAsync("greet", """{"name": "x"}""");
        Assert.Equal(0, (await _server.RunAsync("execution", "watch", done)).Exit);
        var (_, greetTasks, _) = await _server.RunAsync("task", "list", done, "--json");
        var hello = JsonNode.Parse(greetTasks)!.AsArray().Single()!["id"]!.GetValue<string>();
        var (refused, _, refusal) = await _server.RunAsync("task", "rerun", hello);
        Assert.Equal(1, refused);
        Assert.Contains("error:", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_auth_on_the_api_key_is_required_and_sent()
    {
        await using var secured = await ClientServer.StartAsync("--Auth:Enabled=true", "--Auth:ApiKeys:0=k3y");

        var (denied, _, error) = await secured.RunAsync("workflow", "list");
        Assert.Equal(1, denied);
        Assert.Contains("401", error, StringComparison.Ordinal);
        Assert.Equal(0, (await secured.RunAsync("workflow", "list", "--api-key", "k3y")).Exit);
    }

    [Fact]
    public void Progress_counts_done_running_and_failed_tasks_and_elapsed_time()
    {
        var execution = new JsonObject { ["state"] = "RUNNING", ["created_at"] = "2026-11-26 12:00:00", ["updated_at"] = "2026-11-26 12:00:01" };
        var tasks = new JsonArray(
            new JsonObject { ["state"] = "SUCCESS" }, new JsonObject { ["state"] = "ERROR" },
            new JsonObject { ["state"] = "RUNNING" }, new JsonObject { ["state"] = "SUCCESS" });

        var line = ExecutionWatch.Progress(execution, tasks, new DateTimeOffset(2026, 11, 26, 12, 0, 12, 500, TimeSpan.Zero));

        Assert.Equal("RUNNING   tasks: 2 done, 1 running, 1 failed  elapsed 12.5 s", line);
    }

    private async Task<string> StartAsync(string workflow, string input = "{}")
    {
        var (exit, output, error) = await _server.RunAsync("execution", "start", workflow, "--input", input, "--json");
        Assert.True(exit == 0, error);
        return JsonNode.Parse(output)!["id"]!.GetValue<string>();
    }

    /// <summary>Polls (with a deadline) until the delegate action of the execution exists and waits for its result.</summary>
    private async Task<string> WaitForRunningActionAsync(string execution)
    {
        using var http = new HttpClient { BaseAddress = new Uri(_server.Url) };
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (DateTimeOffset.UtcNow < deadline)
        {
            var tasks = JsonNode.Parse(await http.GetStringAsync($"/v2/executions/{execution}/tasks"))!["tasks"]!.AsArray();
            foreach (var task in tasks)
            {
                var actions = JsonNode.Parse(await http.GetStringAsync($"/v2/tasks/{task!["id"]}/action_executions"))!["action_executions"]!.AsArray();
                if (actions.FirstOrDefault(a => a!["state"]!.GetValue<string>() == "RUNNING") is { } running)
                {
                    return running["id"]!.GetValue<string>();
                }
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No running action in execution {execution}.");
    }
}
