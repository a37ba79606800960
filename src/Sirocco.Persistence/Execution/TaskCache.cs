using Sirocco.Engine.State;

namespace Sirocco.Persistence.Execution;

/// <summary>
/// The engine's view of the tasks it decided recently, kept between events and trusted only at the row version the
/// database still holds (<c>task_executions.version</c>, raised by every write). A chain's next event needs the task
/// that just finished and the one before it (its context); without this it read both rows whole and parsed their
/// published values and bookkeeping again, on every task. A write by another process is a version miss, and a
/// rolled-back write clears the cache, since a later write could reuse its version number.
/// </summary>
internal sealed class TaskCache() : VersionedCache<TaskExecution>(MaxEntries)
{
    // The last tasks of the executions running now.
    private const int MaxEntries = 20_000;
}
