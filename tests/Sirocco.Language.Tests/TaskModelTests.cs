using Sirocco.Expressions.Values;
using Sirocco.Language.Model;

namespace Sirocco.Language.Tests;

/// <summary>What the parser puts into <see cref="TaskSpec"/> for each task property.</summary>
public sealed class TaskModelTests
{
    private static TaskSpec ParseTask(string taskBody, string workflowExtra = "")
    {
        var body = string.Join("\n", taskBody.Split('\n').Select(l => "      " + l));
        var yaml = $"version: '2.0'\nwf:\n{workflowExtra}  tasks:\n    t1:\n{body}\n";
        var result = WorkflowParser.Parse(yaml);
        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        return result.Document!.Workflows[0].FindTask("t1")!;
    }

    [Fact]
    public void Task_without_action_or_workflow_runs_std_noop()
    {
        var task = ParseTask("publish:\n  a: 1");

        Assert.Equal("std.noop", task.Action);
        Assert.Null(task.Workflow);
        Assert.Equal(TaskKind.Action, task.Kind);
    }

    [Fact]
    public void Workflow_task_keeps_the_name_and_inline_input()
    {
        var task = ParseTask("workflow: sub x=1 y=\"two\"");

        Assert.Equal(TaskKind.Workflow, task.Kind);
        Assert.Equal("sub", task.Workflow);
        Assert.Null(task.Action);
        Assert.Equal(DictValue.From([new("x", Value.From(1)), new KeyValuePair<string, Value>("y", Value.From("two"))]), task.Input);
    }

    [Fact]
    public void Inline_parameters_override_the_input_mapping()
    {
        var task = ParseTask("action: std.echo output=\"inline\"\ninput:\n  output: mapping\n  extra: 1");

        var input = Assert.IsType<DictValue>(task.Input);
        Assert.Equal(Value.From("inline"), input.Get("output"));
        Assert.Equal(Value.From(1), input.Get("extra"));
    }

    [Fact]
    public void Expression_input_is_kept_as_a_string()
    {
        var task = ParseTask("action: std.echo\ninput: <% $.args %>");

        Assert.Equal(Value.From("<% $.args %>"), task.Input);
    }

    [Fact]
    public void With_items_entries_keep_order_and_sources()
    {
        var task = ParseTask("action: std.noop\nwith-items:\n  - x in <% $.xs %>\n  - y in [1, 2]");

        Assert.Collection(
            task.WithItems,
            e =>
            {
                Assert.Equal("x", e.Variable);
                Assert.Equal(Value.From("<% $.xs %>"), e.Items);
            },
            e =>
            {
                Assert.Equal("y", e.Variable);
                Assert.Equal(Value.List(Value.From(1), Value.From(2)), e.Items);
            });
    }

    [Fact]
    public void Retry_mapping_and_one_line_forms_agree()
    {
        var mapping = ParseTask("action: std.noop\nretry:\n  count: 3\n  delay: 1\n  break-on: <% $.stop %>").Retry!;
        var oneLine = ParseTask("action: std.noop\nretry: count=3 delay=1 break-on=<% $.stop %>").Retry!;

        foreach (var retry in new[] { mapping, oneLine })
        {
            Assert.Equal(Value.From(3), retry.Count);
            Assert.Equal(Value.From(1), retry.Delay);
            Assert.Equal("<% $.stop %>", retry.BreakOn);
            Assert.Null(retry.ContinueOn);
        }
    }

    [Fact]
    public void Policies_keep_raw_values()
    {
        var task = ParseTask(
            "action: std.noop\nwait-before: 1\nwait-after: <% $.w %>\ntimeout: 30\npause-before: true\nconcurrency: 2\n" +
            "fail-on: <% $.bad %>\nkeep-result: false\nsafe-rerun: true\ntarget: host-1\ndescription: d\ntags: [a]");

        Assert.Equal(Value.From(1), task.WaitBefore);
        Assert.Equal(Value.From("<% $.w %>"), task.WaitAfter);
        Assert.Equal(Value.From(30), task.Timeout);
        Assert.Equal(Value.True, task.PauseBefore);
        Assert.Equal(Value.From(2), task.Concurrency);
        Assert.Equal(Value.From("<% $.bad %>"), task.FailOn);
        Assert.Equal(Value.False, task.KeepResult);
        Assert.Equal(Value.True, task.SafeRerun);
        Assert.Equal(Value.From("host-1"), task.Target);
        Assert.Equal("d", task.Description);
        Assert.Equal<string>(["a"], task.Tags);
    }

    [Fact]
    public void Heartbeat_extends_timeout_is_read_from_the_task_and_from_task_defaults()
    {
        var task = ParseTask("action: std.async_noop\ntimeout: 60\nheartbeat-extends-timeout: true");
        var defaults = WorkflowParser.Parse(
            "version: '2.0'\nwf:\n  task-defaults:\n    heartbeat-extends-timeout: <% $.beat %>\n  tasks:\n    t:\n      action: std.noop\n");

        Assert.Equal(Value.True, task.HeartbeatExtendsTimeout);
        Assert.True(defaults.IsValid, string.Join("\n", defaults.Diagnostics));
        Assert.Equal(Value.From("<% $.beat %>"), defaults.Document!.Workflows[0].TaskDefaults!.HeartbeatExtendsTimeout);
    }

    [Fact]
    public void Heartbeat_extends_timeout_must_be_a_boolean_or_an_expression()
    {
        var result = WorkflowParser.Parse("version: '2.0'\nwf:\n  tasks:\n    t:\n      action: std.noop\n      heartbeat-extends-timeout: often\n");

        Assert.False(result.IsValid);
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("'heartbeat-extends-timeout'", StringComparison.Ordinal));
    }

    [Fact]
    public void Unset_properties_are_null_or_empty()
    {
        var task = ParseTask("action: std.noop");

        Assert.Null(task.Retry);
        Assert.Null(task.Timeout);
        Assert.Null(task.KeepResult);
        Assert.Null(task.Join);
        Assert.Null(task.OnSuccess);
        Assert.Empty(task.Publish);
        Assert.Empty(task.WithItems);
        Assert.Empty(task.Requires);
        Assert.Equal(DictValue.Empty, task.Input);
    }

    [Fact]
    public void Publish_and_publish_on_error_are_dicts()
    {
        var task = ParseTask("action: std.noop\npublish:\n  a: <% task().result %>\npublish-on-error:\n  e: 1");

        Assert.Equal(Value.From("<% task().result %>"), task.Publish.Get("a"));
        Assert.Equal(Value.From(1), task.PublishOnError.Get("e"));
    }

    [Theory]
    [InlineData("all", null)]
    [InlineData("one", 1)]
    [InlineData("2", 2)]
    public void Join_forms(string join, int? count)
    {
        var yaml = $"version: '2.0'\nwf:\n  tasks:\n    a:\n      on-success: j\n    b:\n      on-success: j\n    j:\n      join: {join}\n";

        var task = WorkflowParser.Parse(yaml).Document!.Workflows[0].FindTask("j")!;

        Assert.Equal(count, task.Join!.Count);
        Assert.Equal(count is null, task.Join.IsAll);
    }
}
