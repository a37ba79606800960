using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql;

namespace Sirocco.Expressions.Tests.Yaql;

/// <summary>Behaviours pinned by Mistral's own unit tests of its YAQL evaluator (test_yaql_expression.py).</summary>
public sealed class YaqlMistralBehaviourTests
{
    private static readonly YaqlLanguage Language = new();

    private static Value Eval(string text, Value data)
    {
        var result = Language.Evaluate(text, new ExpressionContext(data));
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value!;
    }

    public static TheoryData<string, Value, string> Cases => new()
    {
        { "<% json_pp($) %>", Value.From("3"), "\"3\"" },
        { "<% json_pp($) %>", Value.From(3), "3" },
        { "<% json_pp($) %>", Value.List(Value.From(1), Value.From(2)), "[\n    1,\n    2\n]" },
        { "<% json_pp($) %>", DictValue.From([new KeyValuePair<string, Value>("a", Value.From("b"))]), "{\n    \"a\": \"b\"\n}" },
        { "<% json_pp($) %>", Value.From("Mistral\nis\nawesome"), "\"Mistral\nis\nawesome\"" },
        { "<% json_dump($) %>", Value.From("Mistral\nis\nawesome"), "\"Mistral\\nis\\nawesome\"" },
        { "<% json_dump($) %>", Value.List(Value.From(1), Value.From(2)), "[\n    1,\n    2\n]" },
        { "<% str($) %>", Value.From(3), "3" },
        { "<% $ %><% $ %>", Value.From(3), "33" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluates_as_mistral_unit_tests_expect(string text, Value data, string expected) =>
        Assert.Equal(Value.From(expected), Eval(text, data));

    [Fact]
    public void Scalar_data_is_the_whole_context()
    {
        Assert.Equal(Value.From(3), Eval("<% $ %>", Value.From(3)));
        Assert.Equal(Value.From(3), Eval("<% len($) %>", Value.From("hey")));
    }

    [Theory]
    [InlineData("<% abc %>")]
    [InlineData("<% 1 + 2 %>")]
    [InlineData("<% $.a1 * $.a2 %>")]
    [InlineData("<% $.a1 %> is <% $.a2 %>")]
    [InlineData("The value is <% $.a1 %>.")]
    public void Valid_strings_have_no_syntax_errors(string text) => Assert.Empty(Language.CheckSyntax(text));

    [Fact]
    public void Invalid_expression_in_text_is_a_syntax_error() =>
        Assert.Equal("syntax", Assert.Single(Language.CheckSyntax("The value is <% * %>.")).Category);

    [Fact]
    public void A_set_of_dicts_cannot_leave_with_mistral_default_settings()
    {
        // Mistral converts sets to Python sets on output (convert_sets_to_lists is off by default),
        // and a dict is unhashable there; its unit test only passes after turning the option on.
        var first = DictValue.From([new KeyValuePair<string, Value>("k1", Value.From("v1"))]);
        var second = DictValue.From([new KeyValuePair<string, Value>("k11", Value.From("v11"))]);
        var data = DictValue.From([new KeyValuePair<string, Value>("my_list", Value.List(first, second))]);
        var result = Language.Evaluate("<% $.my_list.toSet() %>", new ExpressionContext(data));
        Assert.Equal("type_error", result.Error!.Category);
        Assert.Equal(Value.From(2), Eval("<% $.my_list.toSet().len() %>", data));
    }
}
