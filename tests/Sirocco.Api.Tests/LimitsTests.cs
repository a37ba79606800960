using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sirocco.Actions.Runner;
using Sirocco.Api.Hosting;
using Sirocco.Api.Tests.Infrastructure;

namespace Sirocco.Api.Tests;

/// <summary>The <c>Limits:*</c> configuration keys: each limit refuses cleanly, names itself and stores nothing.</summary>
public sealed class LimitsTests
{
    private const string Delegate = """
        ---
        version: '2.0'
        waits:
          tasks:
            ask:
              action: std.async_noop
        """;

    private static string Tasks(string name, int count)
    {
        var yaml = new StringBuilder($"---\nversion: '2.0'\n{name}:\n  tasks:\n");
        for (var i = 0; i < count; i++)
        {
            yaml.Append("    t").Append(i).Append(":\n      action: std.noop\n");
        }

        return yaml.ToString();
    }

    [Fact]
    public async Task A_workflow_with_too_many_tasks_is_refused_with_400_and_not_stored()
    {
        await using var api = await ApiHost.StartAsync(false, "--Limits:MaxTasksPerWorkflow=3");

        var answer = await api.PostYamlAsync("/v2/workflows", Tasks("wide", 4));
        var validated = await api.PostYamlAsync("/v2/workflows/validate", Tasks("wide", 4));
        var fits = await api.PostYamlAsync("/v2/workflows", Tasks("narrow", 3));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("workflow 'wide' has 4, the limit is 3", answer.Fault, StringComparison.Ordinal);
        Assert.Contains("Limits:MaxTasksPerWorkflow", answer.Fault, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/v2/workflows/wide")).Status);
        Assert.Equal(HttpStatusCode.OK, validated.Status);
        Assert.False(validated.Body["valid"]!.GetValue<bool>());
        Assert.Contains("Limits:MaxTasksPerWorkflow", validated.Str("error"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, fits.Status);
    }

    [Theory]
    [InlineData("/v2/workflows")]
    [InlineData("/v2/workbooks")]
    [InlineData("/v2/actions")]
    [InlineData("/v2/workflows/validate")]
    public async Task A_definition_larger_than_the_limit_is_refused_with_413_naming_the_limit(string path)
    {
        await using var api = await ApiHost.StartAsync(false, "--Limits:MaxDefinitionBytes=300");
        var big = Samples.NamedWorkflow("big_wf") + "# " + new string('x', 400) + "\n";

        var answer = await api.PostYamlAsync(path, big);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        Assert.StartsWith("Definition too large: ", answer.Fault, StringComparison.Ordinal);
        Assert.Contains("the limit is 300 bytes", answer.Fault, StringComparison.Ordinal);
        Assert.Contains("Limits:MaxDefinitionBytes", answer.Fault, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/v2/workflows/big_wf")).Status);
    }

    [Fact]
    public async Task Starting_beyond_the_running_executions_limit_answers_429_and_leaves_the_running_one_alone()
    {
        await using var api = await ApiHost.StartAsync(false, "--Limits:MaxRunningExecutions=1");
        Assert.Equal(HttpStatusCode.Created, (await api.PostYamlAsync("/v2/workflows", Delegate)).Status);

        var first = await api.PostJsonAsync("/v2/executions", """{"workflow_name": "waits"}""");
        var second = await api.PostJsonAsync("/v2/executions", """{"workflow_name": "waits"}""");

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal((HttpStatusCode)429, second.Status);
        Assert.Equal("Too many running executions: 1 are running, the limit is 1 per server. "
            + "Wait for some to finish, or change the limit with the configuration key Limits:MaxRunningExecutions.", second.Fault);
        var executions = (await api.GetAsync("/v2/executions")).Body["executions"]!.AsArray();
        Assert.Equal([first.Str("id")], executions.Select(e => e!["id"]!.GetValue<string>()));
        Assert.Equal("RUNNING", (await api.GetAsync($"/v2/executions/{first.Str("id")}")).Str("state"));

        // Once the first one finishes, a new start is accepted again.
        var action = await PollAsync(api, "/v2/action_executions", list => list["action_executions"]!.AsArray().Count == 1);
        var actionId = action["action_executions"]![0]!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await api.PutJsonAsync($"/v2/action_executions/{actionId}", """{"state": "SUCCESS", "output": "1"}""")).Status);
        await PollAsync(api, $"/v2/executions/{first.Str("id")}", e => e["state"]!.GetValue<string>() == "SUCCESS");
        Assert.Equal(HttpStatusCode.Created, (await api.PostJsonAsync("/v2/executions", """{"workflow_name": "waits"}""")).Status);
    }

    [Fact]
    public async Task An_endless_cycle_started_through_the_api_ends_in_error_at_the_configured_task_limit()
    {
        await using var api = await ApiHost.StartAsync(false, "--Limits:MaxTasksPerExecution=12");
        const string yaml = """
            ---
            version: '2.0'
            spin:
              tasks:
                first:
                  action: std.noop
                  on-success: [again]
                again:
                  action: std.noop
                  on-success: [again]
            """;
        Assert.Equal(HttpStatusCode.Created, (await api.PostYamlAsync("/v2/workflows", yaml)).Status);

        var started = await api.PostJsonAsync("/v2/executions", """{"workflow_name": "spin"}""");
        var done = await PollAsync(api, $"/v2/executions/{started.Str("id")}", e => e["state"]!.GetValue<string>() != "RUNNING");

        Assert.Equal("ERROR", done["state"]!.GetValue<string>());
        Assert.Contains("the limit is 12 per execution", done["state_info"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Limits:MaxTasksPerExecution", done["state_info"]!.GetValue<string>(), StringComparison.Ordinal);
        var tasks = (await api.GetAsync($"/v2/executions/{started.Str("id")}/tasks")).Body["tasks"]!.AsArray();
        Assert.Equal(12, tasks.Count);
    }

    [Fact]
    public async Task The_expression_step_limit_is_configured_and_named_in_the_task_error()
    {
        await using var api = await ApiHost.StartAsync(false, "--Limits:ExpressionMaxSteps=1000");
        const string yaml = """
            ---
            version: '2.0'
            busy:
              tasks:
                sum:
                  action: std.echo output=<% range(0, 100000).sum() %>
            """;
        Assert.Equal(HttpStatusCode.Created, (await api.PostYamlAsync("/v2/workflows", yaml)).Status);

        var started = await api.PostJsonAsync("/v2/executions", """{"workflow_name": "busy"}""");
        var done = await PollAsync(api, $"/v2/executions/{started.Str("id")}", e => e["state"]!.GetValue<string>() != "RUNNING");

        Assert.Equal("ERROR", done["state"]!.GetValue<string>());
        var task = (await api.GetAsync($"/v2/executions/{started.Str("id")}/tasks")).Body["tasks"]![0]!;
        Assert.Contains("1000 evaluation steps", task["state_info"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("Change the limit with the configuration key Limits:ExpressionMaxSteps.", task["state_info"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_runner_concurrency_comes_from_the_running_actions_limit()
    {
        await using var api = await ApiHost.StartAsync(false, "--Limits:MaxRunningActions=3");

        Assert.Equal(3, api.Services.GetRequiredService<ActionRunnerOptions>().MaxConcurrency);
        Assert.Equal(3, api.Services.GetRequiredService<ServerLimits>().MaxRunningActions);
    }

    [Fact]
    public void Limits_are_read_from_configuration_with_their_defaults()
    {
        var configured = ServerLimits.From(Configuration(
            ("Limits:MaxTasksPerExecution", "50"), ("Limits:MaxWithItemsLength", "7"), ("Limits:MaxSubworkflowDepth", "0"),
            ("Limits:MaxDefinitionBytes", "1000"), ("Limits:MaxTasksPerWorkflow", "9"), ("Limits:MaxRunningExecutions", "4"),
            ("Limits:ExpressionMaxSteps", "500"), ("Limits:ExpressionMaxDepth", "30"), ("Limits:ExpressionMaxOutputLength", "600"),
            ("Limits:JavaScriptTimeoutSeconds", "3"), ("Limits:JavaScriptMemoryBytes", "1048576")));
        var defaults = ServerLimits.From(Configuration());

        Assert.Equal(50, configured.Execution.MaxTasksPerExecution);
        Assert.Equal(7, configured.Execution.MaxWithItemsLength);
        Assert.Equal(0, configured.Execution.MaxSubworkflowDepth);
        Assert.Equal(1000, configured.Definitions.MaxDefinitionBytes);
        Assert.Equal(9, configured.Definitions.MaxTasksPerWorkflow);
        Assert.Equal(4, configured.MaxRunningExecutions);
        Assert.Equal((500, 30, 600), (configured.Expressions.MaxSteps, configured.Expressions.MaxDepth, configured.Expressions.MaxOutputLength));
        Assert.Equal(TimeSpan.FromSeconds(3), configured.JavaScriptTimeout);
        Assert.Equal(1_048_576, configured.JavaScriptMemoryBytes);
        Assert.Equal(ServerLimits.Defaults.Execution, defaults.Execution);
        Assert.Equal(ServerLimits.Defaults.Definitions, defaults.Definitions);
        Assert.Equal(10_000, defaults.MaxRunningExecutions);
        Assert.Equal(Environment.ProcessorCount, defaults.MaxRunningActions);
        Assert.Equal(1_000_000, defaults.Expressions.MaxSteps);
        Assert.Equal(TimeSpan.FromSeconds(10), defaults.JavaScriptTimeout);
    }

    [Theory]
    [InlineData("Limits:MaxTasksPerExecution", "lots", "Configuration Limits:MaxTasksPerExecution must be an integer, got 'lots'.")]
    [InlineData("Limits:MaxRunningActions", "0", "Limits:MaxRunningActions must be at least 1, got 0.")]
    [InlineData("Limits:ExpressionMaxSteps", "0", "Configuration Limits:ExpressionMaxSteps must be a positive integer, got '0'.")]
    public void A_limit_that_is_not_a_number_stops_the_server_with_its_key(string key, string value, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ServerLimits.From(Configuration((key, value))));

        Assert.Equal(message, error.Message);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] pairs) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)))
            .Build();

    private static async Task<JsonNode> PollAsync(ApiHost api, string path, Func<JsonNode, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var answer = await api.GetAsync(path);
            if (answer.Status == HttpStatusCode.OK && done(answer.Body))
            {
                return answer.Body;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting on {path}: {answer.Text}");
            await Task.Yield();
        }
    }
}
