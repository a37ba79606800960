using System.Globalization;
using Sirocco.Expressions.Values;
using Sirocco.Persistence.Execution;

namespace Sirocco.Persistence.Tests.Execution;

public sealed class ParsedJsonCacheTests
{
    [Fact]
    public void Parse_SameLargeTextTwice_SharesOneParsedValue()
    {
        var json = LargeList(2000, offset: 1);

        var first = ParsedJsonCache.Parse(json);
        var second = ParsedJsonCache.Parse(new string(json.AsSpan()));

        Assert.Same(first, second);
        var list = Assert.IsType<ListValue>(first);
        Assert.Equal(2000, list.Count);
        Assert.Equal(JsonValues.Parse(json), first);
    }

    [Fact]
    public void Parse_DifferentLargeText_ParsesItsOwnValue()
    {
        var first = ParsedJsonCache.Parse(LargeList(2000, offset: 2));
        var second = ParsedJsonCache.Parse(LargeList(2000, offset: 3));

        Assert.NotEqual(first, second);
        Assert.Equal(JsonValues.Parse(LargeList(2000, offset: 3)), second);
    }

    [Fact]
    public void Parse_SmallText_IsParsedEachTime()
    {
        const string json = """{"a": [1, 2, 3]}""";
        Assert.True(json.Length < ParsedJsonCache.MinLength);

        Assert.NotSame(ParsedJsonCache.Parse(json), ParsedJsonCache.Parse(json));
        Assert.Equal(JsonValues.Parse(json), ParsedJsonCache.Parse(json));
    }

    [Fact]
    public void Parse_ManyDistinctLargeTexts_StaysCorrectPastItsBound()
    {
        for (var i = 0; i < 200; i++)
        {
            var json = LargeList(300, offset: 1000 + i);
            var list = Assert.IsType<ListValue>(ParsedJsonCache.Parse(json));
            Assert.Equal(JsonValues.Parse(json), list);
        }
    }

    private static string LargeList(int count, int offset) =>
        "[" + string.Join(", ", Enumerable.Range(offset, count).Select(i => i.ToString(CultureInfo.InvariantCulture))) + "]";
}
