using Sirocco.Engine.Processing;
using Sirocco.Engine.State;
using Sirocco.Expressions.Values;

namespace Sirocco.Engine.DataFlow;

/// <summary>
/// Derives the data a task sees from what its upstream tasks published, instead of storing it.
/// Inbound context: the outbound contexts of the triggering tasks merged in order, then all their
/// published variables on top, deeply (Mistral's <c>evaluate_upstream_context</c>). Outbound context: the
/// inbound context with the task's own published variables set over it, shallowly.
/// </summary>
internal static class ContextResolver
{
    public static DictValue Inbound(Session session, TaskExecution task)
    {
        if (task.TriggeredBy.IsEmpty)
        {
            return DictValue.Empty;
        }

        var context = DictValue.Empty;
        var published = DictValue.Empty;
        foreach (var trigger in task.TriggeredBy)
        {
            var upstream = session.FindTask(trigger.TaskExecutionId);
            if (upstream is null)
            {
                continue;
            }

            published = DeepMerge.Merge(published, upstream.Published);
            context = DeepMerge.Merge(context, Outbound(session, upstream));
        }

        return DeepMerge.Merge(context, published);
    }

    public static DictValue Outbound(Session session, TaskExecution task)
    {
        if (session.Cache.TryGet(task, out var cached))
        {
            return cached;
        }

        // Walk up iteratively (a chain of 10,000 tasks must not recurse 10,000 deep), then fill the
        // memo from the oldest ancestor down.
        var pending = new Stack<TaskExecution>();
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        pending.Push(task);
        var order = new List<TaskExecution>();
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!visiting.Add(current.Id) || session.Cache.TryGet(current, out _))
            {
                continue;
            }

            order.Add(current);
            foreach (var trigger in current.TriggeredBy)
            {
                if (session.FindTask(trigger.TaskExecutionId) is { } upstream)
                {
                    pending.Push(upstream);
                }
            }
        }

        DictValue result = DictValue.Empty;
        for (var i = order.Count - 1; i >= 0; i--)
        {
            var current = order[i];
            // Outbound is a shallow update (Mistral's update_dict): a published {} replaces a dict.
            result = DeepMerge.Update(Inbound(session, current), current.Published);
            if (current.State.IsCompleted())
            {
                session.Cache.Put(current, result);
            }
        }

        return session.Cache.TryGet(task, out cached) ? cached : result;
    }
}
