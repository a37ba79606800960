namespace Sirocco.Expressions.Tests.Yaql;

/// <summary>
/// YAQL operators: arithmetic (floor division, modulo), comparisons including null, membership, sets, typing strictness. Expected values were produced by the reference (python yaql 2.0 with
/// Mistral 15's engine options) on the corpus contexts; <c>SET</c> marks an unordered result.
/// </summary>
public sealed class YaqlOperatorsTests
{
    [Theory]
    [InlineData("data", "7 / 2", "OK 3")]
    [InlineData("data", "-7 / 2", "OK -4")]
    [InlineData("data", "7 mod -3", "OK -2")]
    [InlineData("data", "-7.5 mod 2", "OK 0.5")]
    [InlineData("data", "1 / 0", "ERR division_by_zero")]
    [InlineData("data", "1 mod 3.5", "OK 1.0")]
    [InlineData("data", "10 - 2.5", "OK 7.5")]
    [InlineData("data", "0.1 * 3", "OK 0.30000000000000004")]
    [InlineData("data", "99999999999999999999 + 1", "OK 100000000000000000000")]
    [InlineData("data", "99999999999999999999 * 1.0", "OK 1e+20")]
    [InlineData("data", "$.big / 3", "OK 3333333333")]
    [InlineData("data", "'x' * -1", "OK \"\"")]
    [InlineData("data", "[1] * 0", "OK []")]
    [InlineData("data", "2 * [1]", "OK [1,1]")]
    [InlineData("data", "true * 2", "ERR no_matching_function")]
    [InlineData("data", "true + 1", "ERR no_matching_function")]
    [InlineData("data", "-true", "ERR no_matching_function")]
    [InlineData("data", "-'a'", "ERR no_matching_function")]
    [InlineData("data", "+'a'", "ERR no_matching_function")]
    [InlineData("data", "null = false", "OK false")]
    [InlineData("data", "0 = false", "OK true")]
    [InlineData("data", "1.0 = true", "OK true")]
    [InlineData("data", "'' = null", "OK false")]
    [InlineData("data", "[] = {}", "OK false")]
    [InlineData("data", "[1, 2] = [1.0, 2.0]", "OK true")]
    [InlineData("data", "{a => 1} = {a => 1.0}", "OK true")]
    [InlineData("data", "$.i > 'a'", "ERR no_matching_function")]
    [InlineData("data", "'a' >= null", "OK true")]
    [InlineData("data", "null <= null", "OK true")]
    [InlineData("data", "null < null", "OK false")]
    [InlineData("data", "[1] < [1, 2]", "ERR no_matching_function")]
    [InlineData("data", "$.dict < $.dict", "ERR no_matching_function")]
    [InlineData("data", "true > false", "ERR no_matching_function")]
    [InlineData("data", "'a' < 'B'", "OK false")]
    [InlineData("data", "'abc' in 'xabcx'", "OK true")]
    [InlineData("data", "1 in 'abc'", "ERR no_matching_function")]
    [InlineData("data", "set(1,2) - set(1)", "SET [2]")]
    [InlineData("data", "set(1,2) + set(3)", "SET [1,2,3]")]
    [InlineData("data", "set(1,2) = set(2,1)", "OK true")]
    [InlineData("data", "set(1,2) >= set(1)", "OK true")]
    [InlineData("data", "[1,2] = set(1,2)", "OK false")]
    [InlineData("data", "$.dict + [1]", "ERR no_matching_function")]
    [InlineData("data", "$.nums.where($>8) + $.nums.where($>8)", "OK [9,9]")]
    [InlineData("data", "'a b'.split() + $.nums.where($>8)", "OK [\"a\",\"b\",9]")]
    [InlineData("data", "1 =~ 'a'", "ERR no_matching_function")]
    [InlineData("data", "'abc' !~ 'b'", "OK false")]
    public void Expression_evaluates_as_the_reference(string context, string expression, string expected) =>
        YaqlAssert.Evaluates(context, expression, expected);
}
