using Sirocco.Engine.State;

namespace Sirocco.Persistence.Execution;

/// <summary>
/// The engine's view of recently decided executions, kept between events and trusted only at the version the
/// database still holds. Every event locks its execution's row and reads its <c>version</c> anyway; when it
/// matches, the execution is not read and parsed again (its input, params and context: for a with-items task
/// over thousands of items, the input alone is that long, on every item's completion). Every committed write
/// of the row raises the version, so a write by another process, or one rolled back, is always a miss.
/// </summary>
internal sealed class ExecutionCache() : VersionedCache<WorkflowExecution>(MaxEntries)
{
    private const int MaxEntries = 10_000;
}
