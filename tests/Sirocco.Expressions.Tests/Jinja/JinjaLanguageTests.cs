using Sirocco.Expressions.Jinja;
using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Tests.Jinja;

public class JinjaLanguageTests
{
    private static readonly ExpressionContext Context = new(JsonValues.Parse("""{"n": 2, "s": "hi", "l": [1, 2]}"""));

    [Theory]
    [InlineData("{{ x }}", true)]
    [InlineData("a {% if x %}b{% endif %}", true)]
    [InlineData("{{ 1 +\n 2 }}", false)]
    [InlineData("{ { x } }", false)]
    [InlineData("<% $.x %>", false)]
    [InlineData("no expression", false)]
    public void Contains_uses_mistrals_single_line_patterns(string text, bool expected)
    {
        Assert.Equal(expected, new JinjaLanguage().Contains(text));
    }

    [Theory]
    [InlineData("{{ _.n }}", "2")]
    [InlineData("{{ _.l }}", "[1,2]")]
    [InlineData(" {{ _.n }}", "\" 2\"")]
    [InlineData("{{ _.l }}!", "\"[1, 2]!\"")]
    [InlineData("{{ _.s }}{{ _.n }}", "\"hi2\"")]
    public void Exactly_one_expression_is_typed_anything_else_is_text(string text, string expectedJson)
    {
        Assert.Equal(expectedJson, new JinjaLanguage().Evaluate(text, Context).Value!.ToJson());
    }

    [Fact]
    public void Errors_carry_expression_category_and_position()
    {
        var error = new JinjaLanguage().Evaluate("{{ _.n + }}", Context).Error!;

        Assert.Equal("{{ _.n + }}", error.Expression);
        Assert.Equal("syntax", error.Category);
        Assert.Equal(9, error.Position); // where "}}" ends the expression early
    }

    [Fact]
    public void Unknown_character_position_points_into_the_string()
    {
        var error = new JinjaLanguage().Evaluate("{{ $.x }}", Context).Error!;

        Assert.Equal(3, error.Position);
    }

    [Theory]
    [InlineData("{{ _.n + 'a' }}", 7)]
    [InlineData("{{ _.s | int + _.nope }}", 13)]
    [InlineData("xx {{ _.l[5] + 1 }}", 13)]
    public void Runtime_errors_point_at_the_failing_expression(string text, int position)
    {
        Assert.Equal(position, new JinjaLanguage().Evaluate(text, Context).Error!.Position);
    }

    [Theory]
    [InlineData("a {% if %}{% endif %}", "syntax")]
    [InlineData("{% for x in y %}", "syntax")]
    [InlineData("{{ (1 }}", "syntax")]
    public void CheckSyntax_reports_what_mistral_validation_refuses(string text, string category)
    {
        var errors = new JinjaLanguage().CheckSyntax(text);

        Assert.Equal(category, Assert.Single(errors).Category);
    }

    [Fact]
    public void CheckSyntax_leaves_unknown_filters_to_evaluation_as_mistral()
    {
        // Mistral validates with jinja2's parser; only the compiler, at run time, knows the filters.
        const string text = "{{ _.n | nosuch }}";

        Assert.Empty(new JinjaLanguage().CheckSyntax(text));
        Assert.Equal("unknown_function", new JinjaLanguage().Evaluate(text, Context).Error!.Category);
    }

    [Fact]
    public void CheckSyntax_accepts_valid_templates()
    {
        Assert.Empty(new JinjaLanguage().CheckSyntax("x {% for i in _.l if i %}{{ i | string }}{% endfor %} {{ task('a').result }}"));
    }

    [Fact]
    public void Parsed_trees_are_shared_safely_across_threads()
    {
        var language = new JinjaLanguage();
        const string Text = "{% for i in _.l %}{{ i * _.n }},{% endfor %}{{ _.s | upper }}";
        var results = new string?[64];

        Parallel.For(0, results.Length, i =>
        {
            var context = new ExpressionContext(JsonValues.Parse($$"""{"n": {{i}}, "s": "t{{i}}", "l": [1, 2]}"""));
            results[i] = (language.Evaluate(Text, context).Value as StringValue)?.Value;
        });

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal($"{i},{2 * i},T{i}", results[i]);
        }
    }

    [Fact]
    public void Evaluating_plain_text_directly_does_not_make_it_an_expression()
    {
        var language = new JinjaLanguage();

        language.Evaluate("plain text", Context);

        Assert.False(language.Contains("plain text"));
    }

    [Fact]
    public void A_zero_sized_cache_still_evaluates()
    {
        var language = new JinjaLanguage(new ExpressionOptions { MaxCachedExpressions = 0 });

        Assert.Equal(Value.From(3), language.Evaluate("{{ _.n + 1 }}", Context).Value);
        Assert.Equal(Value.From(3), language.Evaluate("{{ _.n + 1 }}", Context).Value);
    }

    [Fact]
    public void Results_are_plain_json_values()
    {
        var value = new JinjaLanguage().Evaluate("{{ {1: (1, 2), 'g': _.l | map('string'), 'r': range(2)} }}", Context).Value!;

        Assert.Equal("""{"1":[1,2],"g":["1","2"],"r":[0,1]}""", value.ToJson());
        var dict = Assert.IsType<DictValue>(value);
        Assert.All(dict.Keys, k => Assert.IsType<StringValue>(k));
        Assert.False(Assert.IsType<ListValue>(dict.Get("1")).IsTuple);
    }

    [Fact]
    public void Router_sends_mixed_strings_to_jinja_with_the_yaql_part_literal()
    {
        var result = Expressions.CreateEvaluator().Evaluate("{{ _.n }} <% $.n %>", Context);

        Assert.Equal(Value.From("2 <% $.n %>"), result.Value);
    }

    [Fact]
    public void A_code_point_beyond_unicode_is_a_syntax_error_as_in_python()
    {
        var error = new JinjaLanguage().Evaluate("{{ '\\U00110000' }}", Context).Error!;

        Assert.Equal("syntax", error.Category);
        Assert.Contains("illegal Unicode character", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lone_surrogate_escape_is_kept_as_python_keeps_it()
    {
        var value = new JinjaLanguage().Evaluate("{{ '\\ud800' | length }}", Context).Value!;

        Assert.Equal("1", value.ToJson());
    }

    [Theory]
    [InlineData("{{ '7'.zfill(nothing) }}")]
    [InlineData("{{ '7'.zfill('3') }}")]
    [InlineData("{{ '7'.zfill(10 ** 12) }}")]
    [InlineData("{{ 'a b'.split(' ', 'x') }}")]
    public void A_wrong_integer_argument_of_a_string_method_is_an_error_not_a_crash(string text)
    {
        Assert.NotNull(new JinjaLanguage().Evaluate(text, Context).Error);
    }

    [Fact]
    public void A_huge_slice_bound_of_find_is_clamped_as_in_python()
    {
        Assert.Equal("-1", new JinjaLanguage().Evaluate("{{ 'abc'.find('b', 99999999999999999999) }}", Context).Value!.ToJson());
    }

    [Fact]
    public void An_attribute_path_with_a_huge_index_is_an_index_like_any_other()
    {
        var huge = new JinjaLanguage().Evaluate("{{ [[1]] | map(attribute='99999999999999999999999') | list }}", Context);
        var small = new JinjaLanguage().Evaluate("{{ [[1]] | map(attribute='5') | list }}", Context);

        Assert.Equal(small.Error?.Category, huge.Error!.Category);
    }

    [Theory]
    [InlineData("{{ '%c' | format(-3) }}")]
    [InlineData("{{ '%c' | format(1114112) }}")]
    [InlineData("{{ '{:c}'.format(-3) }}")]
    public void A_character_code_outside_unicode_is_pythons_overflow_error(string text)
    {
        var error = new JinjaLanguage().Evaluate(text, Context).Error!;

        Assert.Equal("overflow", error.Category);
        Assert.Contains("%c arg not in range(0x110000)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_surrogate_character_code_is_one_char_as_in_python()
    {
        Assert.Equal("1", new JinjaLanguage().Evaluate("{{ '%c' | format(55296) | length }}", Context).Value!.ToJson());
    }

    [Theory]
    [InlineData("{{ '{:11111111111111111111111}'.format(1) }}", "Too many decimal digits in format string")]
    [InlineData("{{ '{22222222222222222222222}'.format(1) }}", "Too many decimal digits in format string")]
    [InlineData("{{ '{2222222222222222}'.format(1) }}", "Replacement index 2222222222222222 out of range")]
    [InlineData("{{ '{:99999999999}'.format(1) }}", "width too big")]
    public void Huge_numbers_in_a_format_string_are_pythons_errors_not_overflows(string text, string message)
    {
        var error = new JinjaLanguage().Evaluate(text, Context).Error!;

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
