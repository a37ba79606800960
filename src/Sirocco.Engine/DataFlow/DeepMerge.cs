using Sirocco.Expressions.Values;

namespace Sirocco.Engine.DataFlow;

/// <summary>Mistral's <c>merge_dicts</c>: right wins, nested dictionaries merge key by key.</summary>
internal static class DeepMerge
{
    public static DictValue Merge(DictValue left, DictValue right)
    {
        if (right.Count == 0)
        {
            return left;
        }

        if (left.Count == 0)
        {
            return right;
        }

        var entries = new OrderedDictionary<Value, Value>();
        foreach (var (key, value) in left)
        {
            entries[key] = value;
        }

        foreach (var (key, value) in right)
        {
            entries[key] = entries.TryGetValue(key, out var existing) && existing is DictValue l && value is DictValue r
                ? Merge(l, r)
                : value;
        }

        return DictValue.From(entries);
    }

    /// <summary>Mistral's <c>update_dict</c>: right's entries replace left's at the top level only.</summary>
    public static DictValue Update(DictValue left, DictValue right) => DictValue.Overlay(left, right);

    /// <summary>Top-level layering (Mistral's <c>ContextView</c>): the first layer holding a key wins; nothing nested merges.</summary>
    public static DictValue Layer(params ReadOnlySpan<DictValue> layersByPriority)
    {
        var lowestFirst = new DictValue[layersByPriority.Length];
        for (var i = 0; i < lowestFirst.Length; i++)
        {
            lowestFirst[i] = layersByPriority[^(i + 1)];
        }

        return DictValue.Overlay(lowestFirst);
    }
}
