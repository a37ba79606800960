using System.Collections.Concurrent;
using Sirocco.Engine.State;

namespace Sirocco.Persistence.Execution;

/// <summary>
/// The engine's view of recently decided executions, kept between events and trusted only at the version the
/// database still holds. Every event locks its execution's row and reads its <c>version</c> anyway; when it
/// matches, the execution is not read and parsed again (its input, params and context: for a with-items task
/// over thousands of items, the input alone is that long, on every item's completion). Every committed write
/// of the row raises the version, so a write by another process, or one rolled back, is always a miss.
/// </summary>
internal sealed class ExecutionCache
{
    // Bounded crudely: the working set is the executions running now.
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, (long Version, WorkflowExecution Execution)> _entries = new(StringComparer.Ordinal);

    public WorkflowExecution? Find(string executionId, long version) =>
        _entries.TryGetValue(executionId, out var entry) && entry.Version == version ? entry.Execution : null;

    public void Remember(string executionId, long version, WorkflowExecution execution)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[executionId] = (version, execution);
    }

    /// <summary>
    /// Forgets everything, after a group commit failed: entries read inside that transaction may hold versions
    /// that were never committed, and a later write could commit the same version number with other content.
    /// </summary>
    public void Clear() => _entries.Clear();
}
