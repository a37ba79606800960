using Sirocco.Expressions.Values;
using Sirocco.Language.Model;

namespace Sirocco.Language.Tests;

public sealed class WorkflowParserTests
{
    [Fact]
    public void Parse_DirectWorkflowWithInlineParameters_BuildsTheModel()
    {
        const string yaml = """
            version: '2.0'
            wf:
              input:
                - a
                - b: 1
              tasks:
                t1:
                  action: std.echo output="hi" n=<% $.a %>
                  publish:
                    x: <% task().result %>
                  on-success:
                    - t2: <% $.x = 'hi' %>
                    - fail msg="no"
                t2:
                  workflow: other
            """;

        var result = WorkflowParser.Parse(yaml);

        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        var wf = Assert.Single(result.Document!.Workflows);
        Assert.Equal("a, b=\"1\"", wf.InputSignature);
        var t1 = wf.FindTask("t1")!;
        Assert.Equal("std.echo", t1.Action);
        Assert.Equal(new StringValue("hi"), ((DictValue)t1.Input).Get("output"));
        Assert.Equal(2, t1.OnSuccess!.Next.Length);
        Assert.Equal(TransitionKind.Fail, t1.OnSuccess.Next[1].Kind);
        Assert.Equal(new SourceLocation(7, 5), t1.Location);
    }

    [Fact]
    public void Parse_TransitionToUndefinedTask_ReportsWhere()
    {
        const string yaml = """
            version: '2.0'
            wf:
              tasks:
                t1:
                  action: std.noop
                  on-success:
                    - t2
                    - t9
                t2:
                  action: std.noop
            """;

        var result = WorkflowParser.Parse(yaml);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("8:11 wf.tasks.t1.on-success[1]: transition to undefined task 't9'", diagnostic.ToString());
    }
}
