using System.Collections.Concurrent;

namespace Sirocco.Persistence.Execution;

/// <summary>
/// Engine views of rows kept between events, each trusted only at the row version it was made from: a caller
/// reads the version (a number) and gets the view only when the row still holds it. Bounded crudely: the working
/// set is what the executions running now touch, so a full cache is emptied rather than tracked.
/// </summary>
internal abstract class VersionedCache<T>(int maxEntries)
    where T : class
{
    private readonly ConcurrentDictionary<string, (long Version, T Value)> _entries = new(StringComparer.Ordinal);

    // Rows added since the cache was last emptied. Counted here because ConcurrentDictionary.Count takes every lock
    // of the table, and a table that has grown has a thousand: that was 6 % of a chain's CPU, on the writer.
    private int _added;

    /// <summary>True when some version of the row is kept: only then is its current version worth reading.</summary>
    public bool Holds(string id) => _entries.ContainsKey(id);

    public T? Find(string id, long version) =>
        _entries.TryGetValue(id, out var entry) && entry.Version == version ? entry.Value : null;

    public void Remember(string id, long version, T value)
    {
        if (!_entries.ContainsKey(id) && Interlocked.Increment(ref _added) > maxEntries)
        {
            Clear();
            Interlocked.Increment(ref _added);
        }

        _entries[id] = (version, value);
    }

    /// <summary>
    /// Forgets everything, after a unit or a group failed: views made inside it may hold versions that were never
    /// committed, and a later write could commit the same version number with other content.
    /// </summary>
    public void Clear()
    {
        Volatile.Write(ref _added, 0);
        _entries.Clear();
    }
}
