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
    public static DictValue Update(DictValue left, DictValue right)
    {
        if (right.Count == 0)
        {
            return left;
        }

        var entries = new OrderedDictionary<Value, Value>();
        foreach (var (key, value) in left)
        {
            entries[key] = value;
        }

        foreach (var (key, value) in right)
        {
            entries[key] = value;
        }

        return DictValue.From(entries);
    }

    /// <summary>Top-level layering (Mistral's <c>ContextView</c>): the first layer holding a key wins; nothing nested merges.</summary>
    public static DictValue Layer(params ReadOnlySpan<DictValue> layersByPriority)
    {
        var entries = new OrderedDictionary<Value, Value>();
        for (var i = layersByPriority.Length - 1; i >= 0; i--)
        {
            foreach (var (key, value) in layersByPriority[i])
            {
                entries[key] = value;
            }
        }

        return DictValue.From(entries);
    }
}
