namespace Sirocco.Expressions.Tests.Yaql;

/// <summary>
/// YAQL regular expressions: regex(), =~, search/searchAll/split/replace/replaceBy and their match contexts. Expected values were produced by the reference (python yaql 2.0 with
/// Mistral 15's engine options) on the corpus contexts; <c>SET</c> marks an unordered result.
/// </summary>
public sealed class YaqlRegexTests
{
    [Theory]
    [InlineData("data", "regex('a+').searchAll('caaab aa')", "OK [\"aaa\",\"aa\"]")]
    [InlineData("data", "regex('(a)(b)?').searchAll('ab a', $2)", "OK [{\"value\":\"a\",\"start\":0,\"end\":1},{\"value\":\"a\",\"start\":3,\"end\":4}]")]
    [InlineData("data", "regex('x').replace('axbx', 'y', 1)", "OK \"aybx\"")]
    [InlineData("data", "'a1b2'.replaceBy(regex('\\d'), str(int($.value) + 1))", "OK \"a2b3\"")]
    [InlineData("data", "'A-B'.split(regex('-'), 1)", "OK [\"A\",\"B\"]")]
    [InlineData("data", "regex('a').split('banana', 1)", "OK [\"b\",\"nana\"]")]
    [InlineData("data", "regex('(a)').split('banana')", "OK [\"b\",\"a\",\"n\",\"a\",\"n\",\"a\",\"\"]")]
    [InlineData("data", "'abc' =~ regex('B', true)", "OK true")]
    [InlineData("data", "'A\\nb' =~ regex('^b', multiLine => true)", "OK true")]
    [InlineData("data", "'a\\nb' =~ regex('a.b', dotAll => true)", "OK true")]
    [InlineData("data", "escapeRegex('a.b*c')", "OK \"a\\\\.b\\\\*c\"")]
    [InlineData("data", "'ab'.matches('^a')", "OK true")]
    [InlineData("data", "regex('^a').matches('ba')", "OK false")]
    [InlineData("data", "regex('(?P<x>a)').search('ab')", "OK \"a\"")]
    [InlineData("data", "regex('(?P<x>ab)').search('ab', $)", "ERR index_out_of_range")]
    [InlineData("data", "regex('(?P<x>abc)').search('abc', $)", "ERR value_error")]
    [InlineData("data", "regex('a(b)?').search('a', $2)", "OK {\"value\":null,\"start\":-1,\"end\":-1}")]
    [InlineData("data", "regex('[').matches('a')", "ERR regex_error")]
    [InlineData("data", "regex(`(\\w+) (\\w+)`).replace('hello world', `\\2 \\1`)", "OK \"world hello\"")]
    [InlineData("data", "regex(`(?P<a>\\w)`).replace('xy', `\\g<a>\\g<a>`)", "OK \"xxyy\"")]
    [InlineData("data", "isRegex('a')", "OK false")]
    public void Expression_evaluates_as_the_reference(string context, string expression, string expected) =>
        YaqlAssert.Evaluates(context, expression, expected);
}
