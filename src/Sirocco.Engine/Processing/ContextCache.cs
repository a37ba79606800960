using System.Collections.Concurrent;
using Sirocco.Engine.State;
using Sirocco.Expressions.Values;

namespace Sirocco.Engine.Processing;

/// <summary>
/// Remembers the outbound contexts derived for completed task executions so that a long chain is not
/// walked back for every new task. A pure memo: keyed by task execution id and its last update, so a
/// changed row is never served stale; dropped wholesale when it grows past its bound.
/// </summary>
public sealed class ContextCache
{
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<(string Id, long Version), DictValue> _outbound = new();

    internal bool TryGet(TaskExecution task, out DictValue context) =>
        _outbound.TryGetValue((task.Id, task.UpdatedAt.UtcTicks), out context!);

    internal void Put(TaskExecution task, DictValue context)
    {
        if (_outbound.Count >= MaxEntries)
        {
            _outbound.Clear();
        }

        _outbound[(task.Id, task.UpdatedAt.UtcTicks)] = context;
    }
}
