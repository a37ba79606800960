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
    public void Default_checker_only_balances_delimiters()
    {
        Assert.True(WorkflowParser.Parse(Yaml).IsValid);
    }
}
