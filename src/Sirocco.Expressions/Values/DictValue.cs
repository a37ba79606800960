using System.Collections;

namespace Sirocco.Expressions.Values;

/// <summary>
/// An immutable dictionary that keeps insertion order. Keys are values (usually strings;
/// expressions can build other keys, which become their JSON text when stored).
/// </summary>
public sealed class DictValue : Value, IReadOnlyDictionary<Value, Value>
{
    public static readonly DictValue Empty = new(new OrderedDictionary<Value, Value>());

    private readonly OrderedDictionary<Value, Value> _entries;

    private DictValue(OrderedDictionary<Value, Value> entries) => _entries = entries;

    /// <summary>Builds a dictionary; a later duplicate key replaces the earlier value but keeps its position, as in Python.</summary>
    public static DictValue From(IEnumerable<KeyValuePair<Value, Value>> entries)
    {
        var map = new OrderedDictionary<Value, Value>();
        foreach (var (key, value) in entries)
        {
            map[key] = value;
        }

        return new DictValue(map);
    }

    /// <summary>
    /// One dictionary of every layer's entries, lowest layer first: a later layer's value replaces an earlier one's
    /// and keeps its position, as successive <c>update()</c> calls do in Python. Each entry is copied once, and when
    /// only one layer has entries that layer itself is the answer.
    /// </summary>
    public static DictValue Overlay(params ReadOnlySpan<DictValue> layers)
    {
        DictValue? only = null;
        var filled = 0;
        var capacity = 0;
        foreach (var layer in layers)
        {
            if (layer.Count > 0)
            {
                only = layer;
                filled++;
                capacity += layer.Count;
            }
        }

        if (filled <= 1)
        {
            return only ?? Empty;
        }

        var map = new OrderedDictionary<Value, Value>(capacity);
        foreach (var layer in layers)
        {
            foreach (var (key, value) in layer._entries)
            {
                map[key] = value;
            }
        }

        return new DictValue(map);
    }

    public static DictValue From(IEnumerable<KeyValuePair<string, Value>> entries) =>
        From(entries.Select(e => new KeyValuePair<Value, Value>(new StringValue(e.Key), e.Value)));

    public override ValueKind Kind => ValueKind.Dict;

    public override bool IsTruthy => _entries.Count > 0;

    public int Count => _entries.Count;

    public IEnumerable<Value> Keys => _entries.Keys;

    public IEnumerable<Value> Values => _entries.Values;

    public Value this[Value key] => _entries[key];

    /// <summary>The value under a string key, or null when absent.</summary>
    public Value? Get(string key) => _entries.TryGetValue(new StringValue(key), out var v) ? v : null;

    public bool ContainsKey(Value key) => _entries.ContainsKey(key);

    public bool TryGetValue(Value key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out Value value) =>
        _entries.TryGetValue(key, out value);

    /// <summary>A copy with <paramref name="key"/> set (added at the end, or replaced in place).</summary>
    public DictValue With(Value key, Value value)
    {
        var copy = new OrderedDictionary<Value, Value>(_entries) { [key] = value };
        return new DictValue(copy);
    }

    public DictValue With(string key, Value value) => With(new StringValue(key), value);

    /// <summary>A copy with every entry of <paramref name="other"/> set over this one.</summary>
    public DictValue Merge(DictValue other)
    {
        var copy = new OrderedDictionary<Value, Value>(_entries);
        foreach (var (key, value) in other._entries)
        {
            copy[key] = value;
        }

        return new DictValue(copy);
    }

    public override bool Equals(Value? other)
    {
        if (other is not DictValue dict || dict.Count != Count)
        {
            return false;
        }

        foreach (var (key, value) in _entries)
        {
            if (!dict._entries.TryGetValue(key, out var otherValue) || !value.Equals(otherValue))
            {
                return false;
            }
        }

        return true;
    }

    public override int GetHashCode()
    {
        // Order-independent, as dictionary equality is.
        var hash = 0;
        foreach (var (key, value) in _entries)
        {
            hash ^= HashCode.Combine(key, value);
        }

        return hash;
    }

    public IEnumerator<KeyValuePair<Value, Value>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
