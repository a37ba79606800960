namespace Sirocco.Expressions.Tests.Yaql;

/// <summary>
/// YAQL branching: switch, selectCase, switchCase, coalesce, assert, and/or short-circuit. Expected values were produced by the reference (python yaql 2.0 with
/// Mistral 15's engine options) on the corpus contexts; <c>SET</c> marks an unordered result.
/// </summary>
public sealed class YaqlBranchingTests
{
    [Theory]
    [InlineData("data", "switch(1 > 2 => a)", "OK null")]
    [InlineData("data", "switch(1 < 2 => a, true => b)", "OK \"a\"")]
    [InlineData("data", "selectCase(false, true)", "OK 1")]
    [InlineData("data", "selectCase(false)", "OK 1")]
    [InlineData("data", "selectAllCases(true, false, true)", "OK [0,2]")]
    [InlineData("data", "3.switchCase(a, b)", "OK \"b\"")]
    [InlineData("data", "0.switchCase(a, b)", "OK \"a\"")]
    [InlineData("data", "coalesce()", "OK null")]
    [InlineData("data", "coalesce(null, null, 3, $.missing)", "OK 3")]
    [InlineData("data", "bool(null)", "OK false")]
    [InlineData("data", "$.i.assert($ > 0, 'x')", "OK 7")]
    [InlineData("data", "[].assert($, 'empty')", "ERR assertion")]
    [InlineData("data", "true and $.missing", "ERR key_not_found")]
    [InlineData("data", "false and $.missing", "OK false")]
    [InlineData("data", "null or false", "OK false")]
    public void Expression_evaluates_as_the_reference(string context, string expression, string expected) =>
        YaqlAssert.Evaluates(context, expression, expected);
}
