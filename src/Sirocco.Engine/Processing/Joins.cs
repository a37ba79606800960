using System.Collections.Immutable;
using Sirocco.Engine.State;
using Sirocco.Expressions.Values;
using Sirocco.Language.Model;

namespace Sirocco.Engine.Processing;

/// <summary>
/// <c>join</c> tasks: one execution per join (created WAITING at the first arrival, as Mistral's unique key),
/// started when enough inbound tasks have transitioned to it, failed when that can no longer happen.
/// </summary>
internal static class Joins
{
    public static void Arrive(Session session, TaskSpec spec, ImmutableArray<TaskTrigger> triggers)
    {
        var existing = session.TasksNamed(spec.Name).LastOrDefault();
        if (existing is { State: ExecutionState.Waiting })
        {
            existing = existing with { TriggeredBy = existing.TriggeredBy.AddRange(triggers) };
            session.UpdateTask(existing);
            Refresh(session, existing);
            return;
        }

        if (existing is not null)
        {
            return; // The join already fired (join: N); later arrivals change nothing, as in Mistral.
        }

        var task = TaskRunner.NewTask(session, spec, triggers, ExecutionState.Waiting);
        session.CreateTask(task);
        Refresh(session, task);
    }

    public static void Refresh(Session session, TaskExecution join)
    {
        var spec = session.Plan.Task(join.Name);
        var inbound = session.Plan.Inbound(join.Name);
        var induced = inbound.Select(s => (s.Name, State: Induced(session, s, join.Name))).ToList();
        var running = induced.Count(i => i.State == ExecutionState.Running);
        var errors = induced.Where(i => i.State == ExecutionState.Error).Select(i => i.Name).ToList();
        var required = spec.Join!.Count ?? induced.Count;
        if (running >= required)
        {
            var started = join with { State = ExecutionState.Running, StateInfo = null, StartedAt = session.Now };
            session.UpdateTask(started);
            TaskRunner.Launch(session, started);
            return;
        }

        if (spec.Join.IsAll ? errors.Count > 0 : errors.Count > induced.Count - required)
        {
            var message = "Failed by tasks: " + Value.List(errors.Select(Value.From)).ToRepr();
            TaskCompletion.Complete(session, join, ExecutionState.Error, message, null);
        }
    }

    /// <summary>What an inbound task means for the join: RUNNING (it arrived), WAITING, or ERROR (it never will).</summary>
    private static ExecutionState Induced(Session session, TaskSpec inbound, string joinName)
    {
        var latest = session.TasksNamed(inbound.Name).LastOrDefault();
        if (latest is null)
        {
            return PossibleRoute(session, inbound, new HashSet<string>(StringComparer.Ordinal)) ? ExecutionState.Waiting : ExecutionState.Error;
        }

        if (!latest.State.IsCompleted())
        {
            return ExecutionState.Waiting;
        }

        return latest.NextTasks.Any(n => n.Name == joinName) ? ExecutionState.Running : ExecutionState.Error;
    }

    private static bool PossibleRoute(Session session, TaskSpec spec, HashSet<string> visited)
    {
        if (!visited.Add(spec.Name))
        {
            return false;
        }

        var inbound = session.Plan.Inbound(spec.Name);
        if (inbound.IsEmpty)
        {
            return true;
        }

        foreach (var upstream in inbound)
        {
            var latest = session.TasksNamed(upstream.Name).LastOrDefault();
            if (latest is null)
            {
                if (PossibleRoute(session, upstream, visited))
                {
                    return true;
                }
            }
            else if (!latest.State.IsCompleted() || latest.NextTasks.Any(n => n.Name == spec.Name))
            {
                return true;
            }
        }

        return false;
    }
}
