using System.Collections.Concurrent;
using Sirocco.Engine.State;

namespace Sirocco.Persistence.Execution;

/// <summary>
/// The engine's view of the tasks it decided recently, kept between events and trusted only at the row version the
/// database still holds (<c>task_executions.version</c>, raised by every write). A chain's next event needs the task
/// that just finished and the one before it (its context); without this it read both rows whole and parsed their
/// published values and bookkeeping again, on every task. A write by another process is a version miss, and a
/// rolled-back write clears the cache (<see cref="Clear"/>), since a later write could reuse its version number.
/// </summary>
internal sealed class TaskCache
{
    // Bounded crudely: the working set is the last tasks of the executions running now.
    private const int MaxEntries = 20_000;

    private readonly ConcurrentDictionary<string, (long Version, TaskExecution Task)> _entries = new(StringComparer.Ordinal);

    public TaskExecution? Find(string taskExecutionId, long version) =>
        _entries.TryGetValue(taskExecutionId, out var entry) && entry.Version == version ? entry.Task : null;

    public void Remember(string taskExecutionId, long version, TaskExecution task)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[taskExecutionId] = (version, task);
    }

    /// <summary>Forgets everything, after a unit or a group failed: its writes were rolled back, their versions may come again.</summary>
    public void Clear() => _entries.Clear();
}
