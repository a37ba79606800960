using System.Numerics;
using Sirocco.Expressions.Values;
using Sirocco.Language.Parsing;

namespace Sirocco.Language.Tests.Parsing;

public sealed class ScalarResolverTests
{
    public static TheoryData<string, Value> PlainScalars() => new()
    {
        { "", Value.Null },
        { "~", Value.Null },
        { "null", Value.Null },
        { "NULL", Value.Null },
        { "true", Value.True },
        { "Yes", Value.True },
        { "on", Value.True },
        { "False", Value.False },
        { "no", Value.False },
        { "OFF", Value.False },
        { "1", new IntValue(1) },
        { "-17", new IntValue(-17) },
        { "+3", new IntValue(3) },
        { "1_000", new IntValue(1000) },
        { "017", new IntValue(15) },
        { "0x1F", new IntValue(31) },
        { "0b101", new IntValue(5) },
        { "1:30", new IntValue(90) },
        { "123456789012345678901234567890", new IntValue(BigInteger.Parse("123456789012345678901234567890", System.Globalization.CultureInfo.InvariantCulture)) },
        { "1.5", new FloatValue(1.5) },
        { "-0.25", new FloatValue(-0.25) },
        { "1.0e+3", new FloatValue(1000.0) },
        { ".5", new FloatValue(0.5) },
        { ".inf", new FloatValue(double.PositiveInfinity) },
        { "-.Inf", new FloatValue(double.NegativeInfinity) },
        { "1e3", new StringValue("1e3") },
        { "y", new StringValue("y") },
        { "0o17", new StringValue("0o17") },
        { "1.2.3", new StringValue("1.2.3") },
        { ".", new StringValue(".") },
        { "._", new StringValue("._") },
        { "-._", new StringValue("-._") },
        { "._5", new StringValue("._5") },
        { "1_.", new FloatValue(1.0) },
        { "hello", new StringValue("hello") },
        { "<% $.x %>", new StringValue("<% $.x %>") },
    };

    [Theory]
    [MemberData(nameof(PlainScalars))]
    public void ResolvePlain_follows_PyYAML_safe_loader(string text, Value expected)
    {
        var actual = ScalarResolver.ResolvePlain(text);

        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void ResolvePlain_reads_nan_as_a_float()
    {
        var value = Assert.IsType<FloatValue>(ScalarResolver.ResolvePlain(".nan"));

        Assert.True(double.IsNaN(value.Value));
    }

    [Fact]
    public void Quoted_scalars_stay_strings()
    {
        var result = WorkflowParser.Parse("""
            version: '2.0'
            wf:
              vars:
                a: '1'
                b: "true"
                c: !!str 5
                d: 5
              tasks:
                t1:
                  action: std.noop
            """);

        var vars = Assert.Single(result.Document!.Workflows).Vars;
        Assert.Equal(new StringValue("1"), vars.Get("a"));
        Assert.Equal(new StringValue("true"), vars.Get("b"));
        Assert.Equal(new StringValue("5"), vars.Get("c"));
        Assert.Equal(ValueKind.Int, vars.Get("d")!.Kind);
    }
}
