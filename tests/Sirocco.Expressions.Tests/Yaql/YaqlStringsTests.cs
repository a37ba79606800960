namespace Sirocco.Expressions.Tests.Yaql;

/// <summary>
/// YAQL strings: split/strip/replace/format/str() rendering. Expected values were produced by the reference (python yaql 2.0 with
/// Mistral 15's engine options) on the corpus contexts; <c>SET</c> marks an unordered result.
/// </summary>
public sealed class YaqlStringsTests
{
    [Theory]
    [InlineData("data", "'abc'.toCharArray()", "OK [\"a\",\"b\",\"c\"]")]
    [InlineData("data", "'a b  c'.split(' ')", "OK [\"a\",\"b\",\"\",\"c\"]")]
    [InlineData("data", "'a b  c'.split(null, 1)", "OK [\"a\",\"b  c\"]")]
    [InlineData("data", "'a b  c'.rightSplit(null, 1)", "OK [\"a b\",\"c\"]")]
    [InlineData("data", "'  a b  c '.split(null, 1)", "OK [\"a\",\"b  c \"]")]
    [InlineData("data", "'a,b'.split(',', 0)", "OK [\"a,b\"]")]
    [InlineData("data", "'abc'.substring(1, -1)", "OK \"bc\"")]
    [InlineData("data", "'abc'.substring(-2, 1)", "OK \"b\"")]
    [InlineData("data", "'hello'.indexOf('l', 3)", "OK 3")]
    [InlineData("data", "'hello'.lastIndexOf('l', 0, 3)", "OK 2")]
    [InlineData("data", "'hello'.indexOf('l', 1, 2)", "OK 2")]
    [InlineData("data", "'hello'.replace('l', 'L', 1)", "OK \"heLlo\"")]
    [InlineData("data", "'aaa'.replace('', '-')", "OK \"-a-a-a-\"")]
    [InlineData("data", "'aXbXc'.replace({X => Y}, 1)", "OK \"aYbXc\"")]
    [InlineData("data", "'hello'.trimRight('o')", "OK \"hell\"")]
    [InlineData("data", "'hello'.norm()", "OK \"hello\"")]
    [InlineData("data", "'  '.norm()", "OK null")]
    [InlineData("data", "isEmpty(null)", "OK true")]
    [InlineData("data", "isEmpty('  ', false)", "OK false")]
    [InlineData("data", "'{0:5}|{1:<4}|{2:^7}|'.format(1, 'ab', 'mid')", "OK \"    1|ab  |  mid  |\"")]
    [InlineData("data", "'{0:05.1f}|{1:+d}|{2:x}|{3:,}'.format(3.14159, 5, 255, 1234567)", "OK \"003.1|+5|ff|1,234,567\"")]
    [InlineData("data", "'{!r}'.format('x')", "OK \"'x'\"")]
    [InlineData("data", "format('{a}-{b}', a => 1, b => 2)", "OK \"1-2\"")]
    [InlineData("data", "'{} {}'.format(1)", "ERR index_out_of_range")]
    [InlineData("data", "'abc' * 2", "OK \"abcabc\"")]
    [InlineData("data", "str([1, [2, 'x'], {a => null}])", "OK \"(1, (2, 'x'), {'a': None})\"")]
    [InlineData("data", "str($.dict)", "OK \"{'a': 1, 'b': 2, 'c': 3}\"")]
    [InlineData("data", "str(1.0 / 3)", "OK \"0.3333333333333333\"")]
    [InlineData("data", "str(10000000000000000.0)", "OK \"1e+16\"")]
    [InlineData("data", "str(0.00001)", "OK \"1e-05\"")]
    [InlineData("data", "str(set(1))", "OK \"frozenset({1})\"")]
    [InlineData("data", "str(datetime(2020,1,2))", "OK \"2020-01-02 00:00:00+00:00\"")]
    [InlineData("data", "str($.nums.where($ > 5).toList())", "OK \"(9, 6)\"")]
    [InlineData("data", "concat('a', 'b', 'c', 'd')", "OK \"abcd\"")]
    [InlineData("data", "concat([1], set(2))", "OK [1,2]")]
    [InlineData("data", "concat()", "ERR no_matching_function")]
    [InlineData("data", "hex(-255)", "OK \"-0xff\"")]
    [InlineData("data", "characters(digits => true).len()", "OK 10")]
    [InlineData("data", "'\u00df'.toUpper()", "OK \"SS\"")]
    [InlineData("data", "'Stra\u00dfe'.len()", "OK 6")]
    [InlineData("data", "'\ud83d\ude00'.len()", "OK 1")]
    [InlineData("data", "'a\ud83d\ude00b'.toCharArray()", "OK [\"a\",\"\ud83d\ude00\",\"b\"]")]
    [InlineData("data", "'a,b'.join(['x', 'y'])", "OK \"xa,by\"")]
    [InlineData("data", "[1, null, true, 'x', 1.5].join('|')", "OK \"1|null|true|x|1.5\"")]
    [InlineData("data", "startsWith('abc', 'a')", "ERR unknown_function")]
    [InlineData("data", "'abc'.endsWith('x', 'c')", "OK true")]
    [InlineData("data", "'ab'.toUpper(1)", "ERR no_matching_function")]
    public void Expression_evaluates_as_the_reference(string context, string expression, string expected) =>
        YaqlAssert.Evaluates(context, expression, expected);
}
