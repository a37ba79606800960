using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql;

namespace Sirocco.Expressions.Tests.Yaql;

/// <summary>Rendering of <c>&lt;% %&gt;</c> in strings, syntax checking, limits and the parse cache.</summary>
public sealed class YaqlLanguageTests
{
    private static readonly Value Data = DictValue.From([
        new KeyValuePair<string, Value>("i", Value.From(7)),
        new("l", new ListValue([Value.From(1), Value.From("a")])),
    ]);

    private static ExpressionResult Eval(string text, YaqlOptions? options = null) =>
        new YaqlLanguage(options).Evaluate(text, new ExpressionContext(Data));

    [Theory]
    [InlineData("<% $.i %>", true)]
    [InlineData("a <% $.i %> b", true)]
    [InlineData("<% $.i", false)]
    [InlineData("<%\n$.i %>", false)]
    [InlineData("no expression", false)]
    public void Contains_finds_single_line_expressions(string text, bool expected) =>
        Assert.Equal(expected, new YaqlLanguage().Contains(text));

    [Fact]
    public void One_expression_alone_yields_the_typed_value() =>
        Assert.Equal(Data, Eval("<% $ %>").Value);

    [Fact]
    public void Expressions_in_text_render_as_python_str() =>
        Assert.Equal(Value.From("i=7 l=[1, 'a'] t=True n=None"), Eval("i=<% $.i %> l=<% $.l %> t=<% true %> n=<% null %>").Value);

    [Fact]
    public void Repeated_expression_text_is_replaced_everywhere_at_once() =>
        Assert.Equal(Value.From("7-7"), Eval("<% $.i %>-<% $.i %>").Value);

    [Fact]
    public void Delimiter_characters_are_stripped_from_both_ends_as_mistral_does() =>
        Assert.Equal(Value.From(7), Eval("<% $.i >%>").Value);

    [Fact]
    public void A_failing_expression_in_text_fails_the_whole_string()
    {
        var result = Eval("x <% $.missing %>");
        Assert.Equal("key_not_found", result.Error!.Category);
        Assert.Equal("$.missing", result.Error.Expression);
    }

    [Fact]
    public void Syntax_errors_carry_the_expression_and_position()
    {
        var errors = new YaqlLanguage().CheckSyntax("ok <% $.i %> bad <% 1 +* 2 %> also <% [1, %>");
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal("syntax", e.Category));
        Assert.Equal("1 +* 2", errors[0].Expression);
        Assert.Equal(3, errors[0].Position);
    }

    [Fact]
    public void Step_limit_stops_endless_work()
    {
        var result = Eval("<% range(0, 100000000).sum() %>", new YaqlOptions { MaxSteps = 10_000 });
        Assert.Equal("limit", result.Error!.Category);
        Assert.Contains("steps", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Endless_sequences_fail_at_the_step_limit_instead_of_hanging() =>
        Assert.Equal("limit", Eval("<% [1].cycle().len() %>", new YaqlOptions { MaxSteps = 10_000 }).Error!.Category);

    [Fact]
    public void Depth_limit_stops_deep_recursion() =>
        Assert.Equal("limit", Eval("<% def(f, f($)) -> f(1) %>", new YaqlOptions { MaxDepth = 50 }).Error!.Category);

    [Fact]
    public void Depth_limit_stops_deeply_nested_parsing() =>
        Assert.Equal("limit", Eval("<% " + new string('(', 300) + "1" + new string(')', 300) + " %>").Error!.Category);

    [Fact]
    public void Output_size_limit_stops_huge_strings() =>
        Assert.Equal("limit", Eval("<% 'ab' * 1000000 %>", new YaqlOptions { MaxOutputSize = 1000 }).Error!.Category);

    [Fact]
    public void Output_size_limit_stops_huge_lists() =>
        Assert.Equal("limit", Eval("<% range(0, 5000).select($) %>", new YaqlOptions { MaxOutputSize = 1000 }).Error!.Category);

    [Fact]
    public void Invalid_options_are_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new YaqlLanguage(new YaqlOptions { MaxSteps = 0 }));

    [Fact]
    public async Task Parallel_evaluations_share_parsed_trees_safely()
    {
        var language = new YaqlLanguage();
        var expressions = Enumerable.Range(0, 50).Select(i => $"<% range(0, {i}).select($ * 2).sum(0) %>").ToArray();
        var tasks = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            expressions.Select(e => language.Evaluate(e, new ExpressionContext(Data)).Value!).ToArray()));
        var results = await Task.WhenAll(tasks);
        var expected = Enumerable.Range(0, 50).Select(i => Value.From(Enumerable.Range(0, i).Sum(x => x * 2L))).ToArray();
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void Results_leave_as_plain_json_values()
    {
        var value = Eval("<% [set(1), datetime(2020, 1, 2), $.l.select($)] %>").Value!;
        Assert.Equal("[[1],\"2020-01-02T00:00:00.000000\",[1,\"a\"]]", value.ToJson());
    }

    [Fact]
    public void Now_reads_the_configured_clock()
    {
        var clock = new ManualClock { Now = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero) };
        var options = new YaqlOptions { TimeProvider = clock };
        Assert.Equal(Value.From("2024-05-06T07:08:09.000000"), Eval("<% now() %>", options).Value);
        clock.Now = clock.Now.AddDays(1);
        Assert.Equal(Value.From(7), Eval("<% now().day %>", options).Value);
    }

    [Theory]
    [InlineData("s=<% set(1) %>", "s={1}")]
    [InlineData("s=<% set() %>", "s=set()")]
    [InlineData("d=<% datetime(2020, 1, 2, 3, 4, 5) %>", "d=2020-01-02 03:04:05+00:00")]
    [InlineData("q=<% $.l.where(true) %>", "q=[1, 'a']")]
    [InlineData("t=<% str($.l) %>", "t=(1, 'a')")]
    public void Embedded_values_render_as_mistral_renders_them(string text, string expected) =>
        Assert.Equal(Value.From(expected), Eval(text).Value);

    [Theory]
    [InlineData("<% $.i + $.missing %>", 8)]
    [InlineData("<% $.l.select($.x) %>", 13)]
    [InlineData("<% 1 + foo(2) %>", 4)]
    [InlineData("<% $.l[5] %>", 3)]
    [InlineData("<% $.i + 'a' %>", 4)]
    public void Runtime_errors_point_at_the_failing_part(string text, int position) =>
        Assert.Equal(position, Eval(text).Error!.Position);

    [Fact]
    public void Very_long_operator_chains_are_refused_instead_of_overflowing_the_stack() =>
        Assert.Equal("limit", Eval("<% $" + string.Concat(Enumerable.Repeat(".a", 20000)) + " %>").Error!.Category);

    [Fact]
    public void Yaml_alias_bombs_are_refused()
    {
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\\n" + string.Concat(Enumerable.Range(0, 8).Select(i =>
            $"{(char)('b' + i)}: &{(char)('b' + i)} [*{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}]\\n"));
        Assert.Equal("value_error", Eval("<% yaml_parse('" + bomb + "') %>").Error!.Category);
    }

    [Fact]
    public void Deep_yaml_flow_nesting_is_refused() =>
        Assert.Equal("value_error", Eval("<% yaml_parse('" + new string('[', 5000) + "') %>").Error!.Category);

    [Theory]
    [InlineData("<% pow(2, 3000000) %>", "limit")]
    [InlineData("<% range(40).aggregate($1 * $1, 2) %>", "limit")]
    [InlineData("<% shiftBitsLeft(1, 100000) %>", "limit")]
    [InlineData("<% '{0:99999999999}'.format(1) %>", "limit")]
    [InlineData("<% datetime(2020, 1, 1) + timespan(days => 99999999) %>", "overflow")]
    [InlineData("<% timespan(days => 999999999999) %>", "overflow")]
    [InlineData("<% float(pow(10, 400)) %>", "overflow")]
    [InlineData("<% regex('(a+)+$').matches('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab') %>", "limit")]
    public void Runaway_values_fail_the_expression_not_the_host(string text, string category) =>
        Assert.Equal(category, Eval(text).Error!.Category);
}
