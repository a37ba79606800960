using Sirocco.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Sirocco.Api.Tests;

/// <summary>
/// Definition commands of the real <c>mistral</c> client against a running Sirocco server.
/// </summary>
public sealed class MistralCliTests(ITestOutputHelper output) : MistralCliFixture(output)
{
    [Fact]
    public async Task Workflow_commands()
    {
        var wf = WriteFile("wf.yaml", Samples.Workflow);
        var bad = WriteFile("bad.yaml", Samples.InvalidWorkflow);

        Assert.Equal("true", Field(await _cli.JsonAsync("workflow-validate", wf), "Valid"));
        var invalid = await _cli.JsonAsync("workflow-validate", bad);
        Assert.Equal("false", Field(invalid, "Valid"));
        Assert.Contains("missing_task", Field(invalid, "Error"), StringComparison.Ordinal);

        var created = (await _cli.JsonAsync("workflow-create", wf)).AsArray();
        Assert.Equal("demo_wf", Field(created[0]!, "Name"));
        Assert.Equal("name, greeting=\"hello\"", Field(created[0]!, "Input"));

        var list = (await _cli.JsonAsync("workflow-list")).AsArray();
        Assert.Contains(list, w => Field(w!, "Name") == "demo_wf");
        Assert.Equal("demo_wf", Field(await _cli.JsonAsync("workflow-get", "demo_wf"), "Name"));
        Assert.Equal(Samples.Workflow.Trim(), (await _cli.RunAsync("workflow-get-definition", "demo_wf")).Trim());

        var updated = (await _cli.JsonAsync("workflow-update", WriteFile("wf2.yaml", Samples.Workflow.Replace("Says hello", "Says hi", StringComparison.Ordinal)))).AsArray();
        Assert.NotEqual("None", Field(updated[0]!, "Updated at"));

        await _cli.RunAsync("workflow-delete", "demo_wf");
        var (code, _, error) = await _cli.RunRawAsync("workflow-get", "demo_wf");
        Assert.NotEqual(0, code);
        Assert.Contains("WorkflowDefinition not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workbook_action_environment_and_cron_trigger_commands()
    {
        var wb = WriteFile("wb.yaml", Samples.Workbook);
        Assert.Equal("true", Field(await _cli.JsonAsync("workbook-validate", wb), "Valid"));
        Assert.Equal("demo_wb", Field(await _cli.JsonAsync("workbook-create", wb), "Name"));
        Assert.Contains((await _cli.JsonAsync("workbook-list")).AsArray(), w => Field(w!, "Name") == "demo_wb");
        Assert.Equal("demo_wb", Field(await _cli.JsonAsync("workbook-get", "demo_wb"), "Name"));
        await _cli.RunAsync("workbook-delete", "demo_wb");

        var actions = (await _cli.JsonAsync("action-create", WriteFile("actions.yaml", Samples.Actions))).AsArray();
        Assert.Equal("my_echo", Field(actions[0]!, "Name"));
        var catalogue = (await _cli.JsonAsync("action-list")).AsArray();
        Assert.Contains(catalogue, a => Field(a!, "Name") == "std.echo");
        Assert.Contains(catalogue, a => Field(a!, "Name") == "my_echo");
        Assert.Equal("my_echo", Field(await _cli.JsonAsync("action-get", "my_echo"), "Name"));
        Assert.Equal("std.http", Field(await _cli.JsonAsync("action-get", "std.http"), "Name"));
        await _cli.RunAsync("action-delete", "my_echo");

        var env = WriteFile("env.yaml", "name: prod\ndescription: production\nvariables:\n  host: db1\n");
        Assert.Equal("prod", Field(await _cli.JsonAsync("environment-create", env), "Name"));
        Assert.Contains((await _cli.JsonAsync("environment-list")).AsArray(), e => Field(e!, "Name") == "prod");
        Assert.Contains("db1", Field(await _cli.JsonAsync("environment-get", "prod"), "Variables"), StringComparison.Ordinal);
        await _cli.RunAsync("environment-delete", "prod");

        await _cli.RunAsync("workflow-create", WriteFile("wf.yaml", Samples.Workflow));
        var trigger = await _cli.JsonAsync("cron-trigger-create", "every5", "demo_wf", "{\"name\": \"ann\"}", "--pattern", "*/5 * * * *", "--count", "3");
        Assert.Equal("every5", Field(trigger, "Name"));
        Assert.Equal("2026-11-26 12:05:00", Field(trigger, "Next execution time"));
        Assert.Contains((await _cli.JsonAsync("cron-trigger-list")).AsArray(), t => Field(t!, "Name") == "every5");
        Assert.Equal("3", Field(await _cli.JsonAsync("cron-trigger-get", "every5"), "Remaining executions"));
        await _cli.RunAsync("cron-trigger-delete", "every5");
    }

}
