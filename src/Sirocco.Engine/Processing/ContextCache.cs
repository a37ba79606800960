using System.Collections.Concurrent;
using Sirocco.Engine.State;
using Sirocco.Expressions.Values;

namespace Sirocco.Engine.Processing;

/// <summary>
/// Remembers the outbound contexts derived for completed task executions so that a long chain is not
/// walked back for every new task. A pure memo: keyed by task execution id and its last update, so a
/// changed row is never served stale. The update time counts in whole microseconds, the precision rows are
/// stored at: a task read back from the database must find the context remembered when it was decided.
/// Bounded by the total number of entries it holds (contexts of a long chain grow with it), and dropped
/// wholesale past the bound: the next lookup walks back once.
/// </summary>
public sealed class ContextCache
{
    private readonly ConcurrentDictionary<(string Id, long Micros), DictValue> _outbound = new();
    private readonly int _maxEntries;
    private long _entries;

    /// <param name="maxEntries">How many context entries (summed over all remembered contexts) to keep at most.</param>
    public ContextCache(int maxEntries = 1_000_000) => _maxEntries = maxEntries;

    internal bool TryGet(TaskExecution task, out DictValue context) =>
        _outbound.TryGetValue(Key(task), out context!);

    internal void Put(TaskExecution task, DictValue context)
    {
        if (Interlocked.Add(ref _entries, context.Count + 1) > _maxEntries)
        {
            _outbound.Clear();
            Interlocked.Exchange(ref _entries, context.Count + 1);
        }

        _outbound[Key(task)] = context;
    }

    private static (string Id, long Micros) Key(TaskExecution task) => (task.Id, task.UpdatedAt.UtcTicks / 10);
}
