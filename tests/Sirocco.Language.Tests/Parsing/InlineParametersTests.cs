using Sirocco.Expressions.Values;
using Sirocco.Language.Parsing;

namespace Sirocco.Language.Tests.Parsing;

public sealed class InlineParametersTests
{
    [Fact]
    public void ParseCommand_without_space_is_a_bare_name()
    {
        var result = InlineParameters.ParseCommand("std.noop");

        Assert.Equal("std.noop", result.Name);
        Assert.Empty(result.Params);
        Assert.Null(result.Error);
    }

    [Fact]
    public void ParseCommand_reads_every_value_form()
    {
        var result = InlineParameters.ParseCommand(
            """my.action a="x y" b='z' c=<% $.c %> d={{ _.d }} e=[1, "two"] f=12 g=1.5 h=true i=false j=null k-l=-3""");

        Assert.Null(result.Error);
        Assert.Equal("my.action", result.Name);
        var p = result.Params;
        Assert.Equal(new StringValue("x y"), p.Get("a"));
        Assert.Equal(new StringValue("z"), p.Get("b"));
        Assert.Equal(new StringValue("<% $.c %>"), p.Get("c"));
        Assert.Equal(new StringValue("{{ _.d }}"), p.Get("d"));
        Assert.Equal(Value.List(new IntValue(1), new StringValue("two")), p.Get("e"));
        Assert.Equal(ValueKind.Int, p.Get("f")!.Kind);
        Assert.Equal(ValueKind.Float, p.Get("g")!.Kind);
        Assert.Equal(Value.True, p.Get("h"));
        Assert.Equal(Value.False, p.Get("i"));
        Assert.Equal(Value.Null, p.Get("j"));
        Assert.Equal(new IntValue(-3), p.Get("k-l"));
        Assert.Equal(["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k-l"], p.Keys.Select(k => k.ToText()));
    }

    [Fact]
    public void ParseCommand_with_expression_name_keeps_the_expression()
    {
        var result = InlineParameters.ParseCommand("<% $.name %> x=1");

        Assert.Equal("<% $.name %>", result.Name);
        Assert.Equal(new IntValue(1), result.Params.Get("x"));
    }

    [Theory]
    [InlineData("std.echo output=hello", 16, "malformed inline parameter 'output=hello'")]
    [InlineData("std.echo output=\"open", 16, "unclosed quote")]
    [InlineData("std.echo output=<% $.x", 16, "expression is not closed with '%>'")]
    [InlineData("std.echo output=[1, 2", 16, "list is not closed with ']'")]
    [InlineData("std.echo output=", 16, "missing value after '='")]
    [InlineData("std.echo hello", 9, "expected name=value")]
    [InlineData("std.echo a=1b", 11, "malformed inline parameter 'a=1b'")]
    [InlineData("std.echo a=\"x\"b", 14, "unexpected 'b' after its value")]
    public void ParseCommand_reports_malformed_parameters_with_their_offset(string text, int offset, string message)
    {
        var result = InlineParameters.ParseCommand(text);

        Assert.NotNull(result.Error);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.Equal(offset, result.ErrorOffset);
    }

    [Fact]
    public void ParseParams_reads_the_one_line_retry_form()
    {
        var result = InlineParameters.ParseParams("count=3 delay=<% $.d %> break-on=<% $.stop %>", 0);

        Assert.Null(result.Error);
        Assert.Equal(new IntValue(3), result.Params.Get("count"));
        Assert.Equal(new StringValue("<% $.d %>"), result.Params.Get("delay"));
        Assert.Equal(new StringValue("<% $.stop %>"), result.Params.Get("break-on"));
    }
}
