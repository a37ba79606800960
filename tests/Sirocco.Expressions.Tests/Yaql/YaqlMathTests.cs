namespace Sirocco.Expressions.Tests.Yaql;

/// <summary>
/// YAQL numbers: conversions, rounding, pow, bitwise, min/max. Expected values were produced by the reference (python yaql 2.0 with
/// Mistral 15's engine options) on the corpus contexts; <c>SET</c> marks an unordered result.
/// </summary>
public sealed class YaqlMathTests
{
    [Theory]
    [InlineData("data", "abs(-3.5)", "OK 3.5")]
    [InlineData("data", "abs(-3)", "OK 3")]
    [InlineData("data", "int('  -7 ')", "OK -7")]
    [InlineData("data", "int('1_000')", "OK 1000")]
    [InlineData("data", "int(-3.9)", "OK -3")]
    [InlineData("data", "int([])", "ERR type_error")]
    [InlineData("data", "float(' 1e3 ')", "OK 1000.0")]
    [InlineData("data", "float('inf') > 99999.0", "OK true")]
    [InlineData("data", "float(true)", "OK 1.0")]
    [InlineData("data", "round(2.675, 2)", "OK 2.67")]
    [InlineData("data", "round(5)", "OK 5")]
    [InlineData("data", "round(15, -1)", "OK 20")]
    [InlineData("data", "round(25, -1)", "OK 20")]
    [InlineData("data", "round(0.5)", "OK 0.0")]
    [InlineData("data", "round(1.5)", "OK 2.0")]
    [InlineData("data", "round(-0.5)", "OK -0.0")]
    [InlineData("data", "pow(2, 100)", "OK 1267650600228229401496703205376")]
    [InlineData("data", "pow(-2, 3, 5)", "OK 2")]
    [InlineData("data", "pow(2.0, 2)", "OK 4.0")]
    [InlineData("data", "pow(0, -1)", "ERR division_by_zero")]
    [InlineData("data", "sign(-0.0)", "OK 0")]
    [InlineData("data", "max('a', 'b')", "OK \"b\"")]
    [InlineData("data", "max(1, 2.5)", "OK 2.5")]
    [InlineData("data", "min(null, 1)", "OK null")]
    [InlineData("data", "max(1, 'a')", "ERR no_matching_function")]
    [InlineData("data", "bitwiseAnd(12, 10)", "OK 8")]
    [InlineData("data", "bitwiseXor(12, 10)", "OK 6")]
    [InlineData("data", "shiftBitsLeft(1, 70)", "OK 1180591620717411303424")]
    [InlineData("data", "isBoolean(true)", "OK true")]
    [InlineData("data", "isBoolean(1)", "OK false")]
    [InlineData("data", "isInteger(1.0)", "OK false")]
    [InlineData("data", "random() < 1", "OK true")]
    [InlineData("data", "random(1, 1)", "OK 1")]
    public void Expression_evaluates_as_the_reference(string context, string expression, string expected) =>
        YaqlAssert.Evaluates(context, expression, expected);
}
