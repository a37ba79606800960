using System.Numerics;
using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Tests.Values;

public class JsonValuesTests
{
    [Fact]
    public void Parse_keeps_integers_and_floats_apart()
    {
        var value = (ListValue)JsonValues.Parse("[1, 1.0, 1e3, 123456789012345678901234567890]");

        Assert.IsType<IntValue>(value[0]);
        Assert.IsType<FloatValue>(value[1]);
        Assert.IsType<FloatValue>(value[2]);
        Assert.Equal(BigInteger.Parse("123456789012345678901234567890"), ((IntValue)value[3]).Value);
    }

    [Fact]
    public void ToJson_round_trips_and_keeps_key_order()
    {
        const string json = "{\"b\":1,\"a\":[true,null,2.5,\"x\"]}";

        Assert.Equal(json, JsonValues.Parse(json).ToJson());
    }

    [Fact]
    public void Non_string_keys_become_their_json_text()
    {
        var dict = DictValue.From([new KeyValuePair<Value, Value>(Value.From(1), Value.True)]);

        Assert.Equal("{\"1\":true}", dict.ToJson());
    }

    [Fact]
    public void Equality_follows_python_numbers() =>
        Assert.True(Value.From(1).Equals(Value.From(1.0)) && Value.From(1).GetHashCode() == Value.From(1.0).GetHashCode());

    [Fact]
    public void ToPythonJson_uses_pythons_default_separators_and_ascii_escapes() =>
        Assert.Equal(
            "{\"a\": [1, 2.5, null, true], \"b\": \"\\u00e9\\n\", \"c\": {}, \"d\": []}",
            JsonValues.ToPythonJson(JsonValues.Parse("{\"a\":[1,2.5,null,true],\"b\":\"\u00e9\\n\",\"c\":{},\"d\":[]}")));

    [Fact]
    public void RoundTrips_is_true_exactly_when_writing_and_parsing_back_gives_an_equal_value()
    {
        var plain = JsonValues.Parse("{\"a\": [1, 2.5, null, true, \"x\"], \"b\": {\"c\": {}}}");
        var intKey = DictValue.From([new KeyValuePair<Value, Value>(Value.From(1), Value.From("one"))]);

        Assert.True(JsonValues.RoundTrips(plain));
        Assert.Equal(plain, JsonValues.Parse(JsonValues.ToJson(plain)));
        Assert.False(JsonValues.RoundTrips(intKey));
        Assert.NotEqual<Value>(intKey, JsonValues.Parse(JsonValues.ToJson(intKey)));
        Assert.False(JsonValues.RoundTrips(new ListValue([Value.From(double.NaN)])));
        Assert.False(JsonValues.RoundTrips(Value.From(double.PositiveInfinity)));
    }
}
