using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Tests.Values;

public class PythonTextTests
{
    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(2.5, "2.5")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(1e-5, "1e-05")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(-3.25, "-3.25")]
    [InlineData(123456789012345678.0, "1.2345678901234568e+17")]
    [InlineData(double.PositiveInfinity, "inf")]
    public void FloatRepr_matches_python(double value, string expected) =>
        Assert.Equal(expected, PythonText.FloatRepr(value));

    [Fact]
    public void Repr_of_nested_values_uses_python_conventions()
    {
        var value = DictValue.From(new Dictionary<string, Value>
        {
            ["k"] = Value.List(Value.From(1), Value.From("it's"), Value.Null, Value.True),
        });

        Assert.Equal("{'k': [1, \"it's\", None, True]}", value.ToText());
    }

    [Fact]
    public void Str_of_a_string_is_the_string_itself() => Assert.Equal("a'b", Value.From("a'b").ToText());

    [Fact]
    public void Tuple_renders_with_parentheses() =>
        Assert.Equal("(1,)", new ListValue([Value.From(1)], isTuple: true).ToText());
}
