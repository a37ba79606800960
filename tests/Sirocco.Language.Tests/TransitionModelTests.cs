using Sirocco.Expressions.Values;
using Sirocco.Language.Model;

namespace Sirocco.Language.Tests;

/// <summary>Every form of <c>on-success</c>/<c>on-error</c>/<c>on-complete</c> and what it becomes.</summary>
public sealed class TransitionModelTests
{
    private static OnClauseSpec Clause(string clauseYaml)
    {
        var body = string.Join("\n", clauseYaml.Split('\n').Select(l => "        " + l));
        var yaml = $"version: '2.0'\nwf:\n  tasks:\n    t1:\n      action: std.noop\n      on-success:\n{body}\n" +
                   "    t2:\n      action: std.noop\n    t3:\n      action: std.noop\n";
        var result = WorkflowParser.Parse(yaml);
        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        return result.Document!.Workflows[0].FindTask("t1")!.OnSuccess!;
    }

    [Fact]
    public void Single_name()
    {
        var clause = Clause("t2");

        var t = Assert.Single(clause.Next);
        Assert.Equal(("t2", TransitionKind.Task, (string?)null), (t.Target, t.Kind, t.Condition));
        Assert.False(clause.IsAdvancedForm);
    }

    [Fact]
    public void List_with_conditions_and_commands()
    {
        var clause = Clause("- t2: <% $.a %>\n- t3\n- fail msg=\"boom\": <% $.b %>\n- succeed\n- pause msg=<% $.m %>\n- noop");

        Assert.Equal(
            [
                ("t2", TransitionKind.Task, "<% $.a %>"),
                ("t3", TransitionKind.Task, null),
                ("fail", TransitionKind.Fail, "<% $.b %>"),
                ("succeed", TransitionKind.Succeed, null),
                ("pause", TransitionKind.Pause, null),
                ("noop", TransitionKind.Noop, null),
            ],
            clause.Next.Select(t => (t.Target, t.Kind, t.Condition)));
        Assert.Equal(Value.From("boom"), clause.Next[2].Params.Get("msg"));
        Assert.Equal(Value.From("<% $.m %>"), clause.Next[4].Params.Get("msg"));
        Assert.True(clause.Next[2].IsEngineCommand);
    }

    [Fact]
    public void Function_call_form_of_a_command()
    {
        var t = Assert.Single(Clause("- fail(msg=\"boom\")").Next);

        Assert.Equal(TransitionKind.Fail, t.Kind);
        Assert.Equal(Value.From("boom"), t.Params.Get("msg"));
    }

    [Fact]
    public void Single_conditional_mapping()
    {
        var t = Assert.Single(Clause("t2: <% $.ok %>").Next);

        Assert.Equal(("t2", "<% $.ok %>"), (t.Target, t.Condition));
    }

    [Fact]
    public void Advanced_form_with_publish_scopes_and_next()
    {
        var clause = Clause("publish:\n  branch:\n    b: 1\n  global:\n    g: 2\n  atomic:\n    a: 3\nnext:\n  - t2\n  - t3: <% $.b = 1 %>");

        Assert.True(clause.IsAdvancedForm);
        Assert.Equal(Value.From(1), clause.Publish!.Branch.Get("b"));
        Assert.Equal(Value.From(2), clause.Publish.Global.Get("g"));
        Assert.Equal(Value.From(3), clause.Publish.Atomic.Get("a"));
        Assert.Equal(["t2", "t3"], clause.Next.Select(t => t.Target));
        Assert.Equal("<% $.b = 1 %>", clause.Next[1].Condition);
    }

    [Fact]
    public void Advanced_form_with_publish_only()
    {
        var clause = Clause("publish:\n  global:\n    done: true");

        Assert.Empty(clause.Next);
        Assert.Equal(Value.True, clause.Publish!.Global.Get("done"));
        Assert.Empty(clause.Publish.Branch);
    }

    [Fact]
    public void Transition_locations_point_at_each_entry()
    {
        var clause = Clause("- t2\n- t3");

        Assert.Equal([new SourceLocation(7, 11), new SourceLocation(8, 11)], clause.Next.Select(t => t.Location));
    }
}
