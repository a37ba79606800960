using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Tests.Values;

public class DictValueTests
{
    [Fact]
    public void Overlay_later_layers_win_and_keys_keep_their_first_position()
    {
        var low = Dict("""{"a":1,"b":2}""");
        var middle = Dict("""{"c":3,"a":10}""");
        var high = Dict("""{"b":20,"d":4}""");

        var overlaid = DictValue.Overlay(low, middle, high);

        Assert.Equal("""{"a":10,"b":20,"c":3,"d":4}""", overlaid.ToJson());
        Assert.Equal("""{"a":1,"b":2}""", low.ToJson());
        Assert.Equal("""{"c":3,"a":10}""", middle.ToJson());
    }

    [Fact]
    public void Overlay_of_one_filled_layer_is_that_layer_and_of_none_is_empty()
    {
        var only = Dict("""{"a":1}""");

        Assert.Same(only, DictValue.Overlay(DictValue.Empty, only, DictValue.Empty));
        Assert.Same(DictValue.Empty, DictValue.Overlay(DictValue.Empty, Dict("{}")));
        Assert.Same(DictValue.Empty, DictValue.Overlay());
    }

    private static DictValue Dict(string json) => (DictValue)JsonValues.Parse(json);
}
