namespace Sirocco.Language.Tests;

public sealed class ParseOptionsTests
{
    private const string Yaml = """
        version: '2.0'
        wf:
          tasks:
            t1:
              action: std.echo output=<% $.x + %>
              publish:
                y: plain text
                z: <% bad syntax %>
        """;

    [Fact]
    public void Syntax_checker_is_called_for_expression_strings_only()
    {
        var seen = new List<string>();
        var options = new ParseOptions
        {
            ExpressionSyntaxChecker = text =>
            {
                seen.Add(text);
                return text.Contains("bad", StringComparison.Ordinal) ? ["unexpected token 'syntax'"] : [];
            },
        };

        var result = WorkflowParser.Parse(Yaml, options);

        Assert.Equal(["std.echo output=<% $.x + %>", "<% bad syntax %>"], seen);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("8:12 wf.tasks.t1.publish.z: invalid expression: unexpected token 'syntax'", diagnostic.ToString());
    }

    [Fact]
    public void Default_checker_runs_the_real_expression_parsers()
    {
        var result = WorkflowParser.Parse(Yaml);

        Assert.Equal(["5:15 wf.tasks.t1.action", "8:12 wf.tasks.t1.publish.z"], result.Diagnostics.Select(d => $"{d.Location} {d.Path}"));
        Assert.All(result.Diagnostics, d => Assert.StartsWith("invalid expression: ", d.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Turning_the_full_check_off_leaves_the_delimiter_balance_only()
    {
        Assert.True(WorkflowParser.Parse(Yaml, new ParseOptions { CheckExpressionSyntax = false }).IsValid);
        Assert.False(WorkflowParser.Parse("version: '2.0'\nwf:\n  tasks:\n    t1:\n      publish: {x: <% $.a }\n", new ParseOptions { CheckExpressionSyntax = false }).IsValid);
    }

    [Fact]
    public void Repeated_expression_is_checked_once_and_reported_at_every_use()
    {
        const string yaml = """
            version: '2.0'
            wf:
              tasks:
                t1:
                  publish:
                    a: <% $.a + %>
                    b: <% $.a + %>
            """;
        var calls = 0;
        var options = new ParseOptions { ExpressionSyntaxChecker = _ => ++calls > 0 ? ["dangling '+'"] : [] };

        var result = WorkflowParser.Parse(yaml, options);

        Assert.Equal(1, calls);
        Assert.Equal(["6:12 wf.tasks.t1.publish.a", "7:12 wf.tasks.t1.publish.b"], result.Diagnostics.Select(d => $"{d.Location} {d.Path}"));
    }
}
