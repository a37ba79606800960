using System.Collections.Concurrent;
using Sirocco.Expressions.Values;

namespace Sirocco.Persistence.Execution;

/// <summary>
/// Remembers the values of large JSON columns that every event of an execution reads again
/// unchanged: the execution's input and context, a with-items task's evaluated lists. Without it a
/// with-items task over N items re-parses its N-element list on each of its N completions (N² work:
/// 10,000 items spent most of their CPU in number parsing). Values are immutable, so one parsed
/// instance is shared; the key is the full text, so a changed column is simply a miss.
/// </summary>
internal static class ParsedJsonCache
{
    /// <summary>Below this many characters parsing is cheaper than hashing and holding the text.</summary>
    public const int MinLength = 1024;

    private const int MaxEntries = 64;
    private static readonly ConcurrentDictionary<string, Value> Entries = new(StringComparer.Ordinal);

    public static Value Parse(string json)
    {
        if (json.Length < MinLength)
        {
            return JsonValues.Parse(json);
        }

        if (Entries.TryGetValue(json, out var known))
        {
            return known;
        }

        var value = JsonValues.Parse(json);
        if (Entries.Count >= MaxEntries)
        {
            // Crude but bounded: the working set is a few running executions' columns.
            Entries.Clear();
        }

        Entries.TryAdd(json, value);
        return value;
    }
}
