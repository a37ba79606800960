using System.Text.Json.Nodes;
using Sirocco.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Sirocco.Api.Tests;

/// <summary>
/// Execution, task and action-execution commands of the real <c>mistral</c> client: against the durable
/// runtime, and against the fake runtime for states the fake sets up directly.
/// A class of its own so that xunit runs it in parallel with the definition commands.
/// </summary>
public sealed class MistralCliExecutionTests(ITestOutputHelper output) : MistralCliFixture(output)
{
    [Fact]
    public async Task Execution_commands_against_the_durable_runtime()
    {
        await using var real = await ApiHost.StartAsync();
        var cli = new MistralCli(real.BaseUrl, _files);
        try
        {
            await cli.RunAsync("workflow-create", WriteFile("real.yaml", DelegateFlow));
            var id = Field(await cli.JsonAsync("execution-create", "delegate_wf", "{\"name\": \"ann\"}"), "ID")!;
            var actionId = await WaitForRunningActionAsync(cli, id);

            Assert.Equal("PAUSED", Field(await cli.JsonAsync("execution-update", id, "-s", "PAUSED"), "State"));
            Assert.Equal("RUNNING", Field(await cli.JsonAsync("execution-update", id, "-s", "RUNNING"), "State"));
            Assert.Equal("std.async_noop", Field(await cli.JsonAsync("action-execution-get", actionId), "Name"));
            Assert.Equal("SUCCESS", Field(await cli.JsonAsync("action-execution-update", actionId, "--state", "SUCCESS", "--output", "{\"answer\": 42}"), "State"));
            Assert.Equal("SUCCESS", Field(await cli.JsonAsync("execution-get", id), "State"));
            Assert.Contains("42", await cli.RunAsync("execution-get-output", id), StringComparison.Ordinal);
            Assert.Contains("Number of tasks in SUCCESS state: 2", await cli.RunAsync("execution-get-report", id, "--no-errors-only"), StringComparison.Ordinal);

            var failed = Field(await cli.JsonAsync("execution-create", "failing_wf"), "ID")!;
            var failedTask = await WaitForTaskAsync(cli, failed, "ERROR");
            Assert.Equal("fail_here", Field(await cli.JsonAsync("task-get", failedTask), "Name"));
            Assert.Contains(Field(await cli.JsonAsync("task-rerun", failedTask), "State"), new[] { "RUNNING", "ERROR" });

            await cli.RunAsync("action-create", WriteFile("adhoc.yaml", Samples.Actions));
            Assert.Contains("from cli", (await cli.JsonAsync("run-action", "my_echo", "{\"text\": \"from cli\"}")).ToJsonString(), StringComparison.Ordinal);
            Assert.Contains("std run", (await cli.JsonAsync("run-action", "std.echo", "{\"output\": \"std run\"}")).ToJsonString(), StringComparison.Ordinal);
        }
        finally
        {
            _cli.Transcript.AddRange(cli.Transcript);
        }
    }

    [Fact]
    public async Task Force_describe_delete_and_saved_runs_against_the_durable_runtime()
    {
        await using var real = await ApiHost.StartAsync();
        var cli = new MistralCli(real.BaseUrl, _files);
        try
        {
            await cli.RunAsync("workflow-create", WriteFile("forced.yaml", DelegateFlow));
            var id = Field(await cli.JsonAsync("execution-create", "delegate_wf", "{\"name\": \"ann\"}"), "ID")!;
            await WaitForRunningActionAsync(cli, id);

            Assert.Equal("renamed", Field(await cli.JsonAsync("execution-update", id, "-d", "renamed"), "Description"));
            await cli.RunRawAsync("execution-delete", id);
            Assert.Equal("RUNNING", Field(await cli.JsonAsync("execution-get", id), "State"));
            Assert.Equal("PAUSED", Field(await cli.JsonAsync("execution-update", id, "-s", "PAUSED"), "State"));
            Assert.Equal("PAUSED", Field(await cli.JsonAsync("execution-update", id, "-e", "{\"who\": \"cli\"}"), "State"));
            var forced = await cli.JsonAsync("execution-update", id, "-s", "ERROR");
            Assert.Equal("ERROR", Field(forced, "State"));
            Assert.Equal("cli", JsonNode.Parse((await real.GetAsync($"/v2/executions/{id}")).Str("params")!)!["env"]!["who"]!.GetValue<string>());

            // delegate_wf's output needs the delegate's answer; a forced SUCCESS without it would end in ERROR.
            await cli.RunAsync("workflow-create", WriteFile("plain.yaml", "---\nversion: '2.0'\n\nplain_wf:\n  tasks:\n    wait:\n      action: std.async_noop\n"));
            var succeeded = Field(await cli.JsonAsync("execution-create", "plain_wf"), "ID")!;
            await WaitForRunningActionAsync(cli, succeeded);
            Assert.Equal("SUCCESS", Field(await cli.JsonAsync("execution-update", succeeded, "-s", "SUCCESS"), "State"));

            await cli.RunAsync("execution-delete", id);
            var remaining = (await cli.JsonAsync("execution-list")).AsArray();
            Assert.DoesNotContain(remaining, e => Field(e!, "ID") == id);
            Assert.Contains(remaining, e => Field(e!, "ID") == succeeded);

            var saved = await cli.JsonAsync("run-action", "std.echo", "{\"output\": \"saved run\"}", "--save-result");
            var savedId = Field(saved, "ID")!;
            Assert.False(string.IsNullOrEmpty(savedId));
            Assert.Equal("std.echo", Field(await cli.JsonAsync("action-execution-get", savedId), "Name"));
            Assert.Contains("saved run", await cli.RunAsync("run-action", "std.echo", "{\"output\": \"saved run\"}", "--save-result", "--run-sync"), StringComparison.Ordinal);
            Assert.Equal(2, (await cli.JsonAsync("action-execution-list")).AsArray().Count(a => Field(a!, "Name") == "std.echo"));
        }
        finally
        {
            _cli.Transcript.AddRange(cli.Transcript);
        }
    }

    private const string DelegateFlow = """
        ---
        version: '2.0'

        delegate_wf:
          input: [name]
          output:
            answer: <% $.answer %>
          tasks:
            say:
              action: std.echo output=<% $.name %>
              on-success: [wait]
            wait:
              action: std.async_noop
              publish:
                answer: <% task().result %>
        failing_wf:
          tasks:
            fail_here:
              action: std.fail
        """;

    private static async Task<string> WaitForRunningActionAsync(MistralCli cli, string executionId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            foreach (var task in (await cli.JsonAsync("task-list", executionId)).AsArray())
            {
                if (Field(task!, "Name") == "wait")
                {
                    var actions = (await cli.JsonAsync("action-execution-list", Field(task!, "ID")!)).AsArray();
                    if (actions.FirstOrDefault(a => Field(a!, "State") == "RUNNING") is { } running)
                    {
                        return Field(running, "ID")!;
                    }
                }
            }

            Assert.True(DateTime.UtcNow < deadline, "The delegate action never started.");
        }
    }

    private static async Task<string> WaitForTaskAsync(MistralCli cli, string executionId, string state)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if ((await cli.JsonAsync("task-list", executionId)).AsArray().FirstOrDefault(t => Field(t!, "State") == state) is { } task)
            {
                return Field(task, "ID")!;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No task reached {state}.");
        }
    }

    [Fact]
    public async Task Execution_task_and_action_execution_commands()
    {
        await _cli.RunAsync("workflow-create", WriteFile("wf.yaml", Samples.Workflow));

        var execution = await _cli.JsonAsync("execution-create", "demo_wf", "{\"name\": \"ann\"}", "-d", "cli run");
        var id = Field(execution, "ID")!;
        Assert.Equal("RUNNING", Field(execution, "State"));
        Assert.Contains((await _cli.JsonAsync("execution-list")).AsArray(), e => Field(e!, "ID") == id);
        Assert.Equal("cli run", Field(await _cli.JsonAsync("execution-get", id), "Description"));
        Assert.Contains("\"ann\"", await _cli.RunAsync("execution-get-input", id), StringComparison.Ordinal);
        Assert.Equal("{}", (await _cli.RunAsync("execution-get-output", id)).Trim());
        Assert.Contains("task 'task1' [RUNNING]", await _cli.RunAsync("execution-get-report", id, "--no-errors-only"), StringComparison.Ordinal);
        Assert.Equal("PAUSED", Field(await _cli.JsonAsync("execution-update", id, "-s", "PAUSED"), "State"));
        Assert.Equal("RUNNING", Field(await _cli.JsonAsync("execution-update", id, "-s", "RUNNING"), "State"));

        var tasks = (await _cli.JsonAsync("task-list", id)).AsArray();
        var taskId = Field(tasks[0]!, "ID")!;
        Assert.Equal("task1", Field(await _cli.JsonAsync("task-get", taskId), "Name"));

        var actions = (await _cli.JsonAsync("action-execution-list", taskId)).AsArray();
        var actionId = Field(actions[0]!, "ID")!;
        Assert.Equal("std.async_noop", Field(await _cli.JsonAsync("action-execution-get", actionId), "Name"));
        var completed = await _cli.JsonAsync("action-execution-update", actionId, "--state", "SUCCESS", "--output", "{\"answer\": 42}");
        Assert.Equal("SUCCESS", Field(completed, "State"));
        Assert.Equal("SUCCESS", Field(await _cli.JsonAsync("execution-get", id), "State"));

        var (failedTask, _) = await _api.Runtime!.AddTaskAsync(id, "failing", "ERROR");
        Assert.Equal("RUNNING", Field(await _cli.JsonAsync("task-rerun", failedTask), "State"));

        var direct = await _cli.JsonAsync("run-action", "std.echo", "{\"output\": \"hi\"}");
        Assert.Contains("hi", direct.ToJsonString(), StringComparison.Ordinal);

        await _cli.RunAsync("execution-delete", id, "--force");
        Assert.DoesNotContain((await _cli.JsonAsync("execution-list")).AsArray(), e => Field(e!, "ID") == id);
    }
}
