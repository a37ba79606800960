using System.Globalization;
using Sirocco.Actions.Abstractions;
using Sirocco.Expressions.Values;

namespace Sirocco.Actions.Standard;

/// <summary>std.test_dict: a dictionary of <c>size</c> entries <c>{key_prefix}{i}: val</c>.</summary>
[Action("std.test_dict", Description = "Builds {key_prefix}0..{key_prefix}{size-1}, each mapped to 'val'.")]
internal sealed class TestDictAction : IAction
{
    [ActionInput("size")]
    public int Size { get; set; }

    [ActionInput("key_prefix")]
    public string KeyPrefix { get; set; } = string.Empty;

    [ActionInput("val")]
    public Value Val { get; set; } = Value.From(string.Empty);

    public ValueTask<ActionOutcome> RunAsync(ActionContext context)
    {
        var entries = Enumerable.Range(0, Math.Max(Size, 0))
            .Select(i => new KeyValuePair<string, Value>(KeyPrefix + i.ToString(CultureInfo.InvariantCulture), Val));
        return ValueTask.FromResult(ActionOutcome.Success(DictValue.From(entries)));
    }
}
