namespace Sirocco.Expressions.Tests.Yaql;

/// <summary>
/// YAQL date-times and intervals. Expected values were produced by the reference (python yaql 2.0 with
/// Mistral 15's engine options) on the corpus contexts; <c>SET</c> marks an unordered result.
/// </summary>
public sealed class YaqlDateTimeTests
{
    [Theory]
    [InlineData("data", "datetime(2020, 1, 31) + timespan(days => 1, hours => 2)", "OK \"2020-02-01T02:00:00.000000\"")]
    [InlineData("data", "datetime(2020, 1, 2) - timespan(hours => 1)", "OK \"2020-01-01T23:00:00.000000\"")]
    [InlineData("data", "(datetime(2020, 1, 2) - datetime(2020, 1, 1)).hours", "OK 24.0")]
    [InlineData("data", "datetime(2020, 1, 2).weekday", "OK 3")]
    [InlineData("data", "datetime(2020, 1, 2, 3, 4, 5, 6).microsecond", "OK 6")]
    [InlineData("data", "datetime('2020-01-02T03:04:05+02:00').hour", "OK 3")]
    [InlineData("data", "datetime(2020, 1, 2).format('%Y/%m/%d %H')", "OK \"2020/01/02 00\"")]
    [InlineData("data", "timespan(days => 1.5)", "ERR no_matching_function")]
    [InlineData("data", "timespan(seconds => 90) > timespan(minutes => 1)", "OK true")]
    [InlineData("data", "timespan(seconds => 90).seconds", "OK 90.0")]
    [InlineData("data", "datetime(2020, 2, 30)", "ERR value_error")]
    [InlineData("data", "isDatetime(datetime(2020,1,1))", "OK true")]
    [InlineData("data", "isTimespan(timespan())", "OK true")]
    [InlineData("data", "datetime(year => 2021, month => 2, day => 3)", "OK \"2021-02-03T00:00:00.000000\"")]
    [InlineData("data", "datetime(0).year", "OK 1970")]
    [InlineData("data", "datetime(2020, 1, 1).timestamp", "OK 1577836800.0")]
    [InlineData("data", "datetime(2020, 1, 2).dayOfWeek", "ERR unknown_function")]
    public void Expression_evaluates_as_the_reference(string context, string expression, string expected) =>
        YaqlAssert.Evaluates(context, expression, expected);
}
