using Sirocco.Engine.Events;
using Sirocco.Persistence.Execution;

namespace Sirocco.Runtime.Scheduling;

/// <summary>How to start one firing's execution, or why it cannot be started.</summary>
/// <param name="Event">The start event, null when <paramref name="Problem"/> is set.</param>
/// <param name="Origin">The definition it runs.</param>
/// <param name="Problem">Why there is no event.</param>
internal sealed record CronStart(StartWorkflow? Event, ExecutionOrigin? Origin, string? Problem)
{
    public static CronStart Refused(string problem) => new(null, null, problem);
}
