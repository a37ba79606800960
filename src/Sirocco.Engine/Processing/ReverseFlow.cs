using System.Collections.Immutable;
using Sirocco.Engine.State;
using Sirocco.Language.Model;

namespace Sirocco.Engine.Processing;

/// <summary>
/// Reverse workflows: the target task (<c>task_name</c> in the params) and what it <c>requires</c>,
/// transitively, form the only tasks that run; a task starts when all it requires has succeeded.
/// </summary>
internal static class ReverseFlow
{
    public static void Start(Session session)
    {
        var target = session.Workflow.Params.Get("task_name")?.ToText();
        if (target is null || session.Spec.FindTask(target) is null)
        {
            Completion.Fail(session, target is null
                ? "Reverse workflow needs the target task: 'task_name' in the execution params."
                : $"Invalid task name [wf_spec={session.Spec.Name}, task_name={target}]", Expressions.Values.DictValue.Empty);
            return;
        }

        foreach (var spec in Subgraph(session, target))
        {
            if (session.Plan.Requires(spec).IsEmpty)
            {
                TaskRunner.Run(session, spec, []);
            }
        }
    }

    public static void Continue(Session session, TaskExecution task)
    {
        if (task.State != ExecutionState.Success)
        {
            return;
        }

        var target = session.Workflow.Params.Get("task_name")!.ToText();
        foreach (var spec in Subgraph(session, target))
        {
            var requires = session.Plan.Requires(spec);
            if (!requires.Contains(task.Name) || session.TasksNamed(spec.Name).Any())
            {
                continue;
            }

            var triggers = new List<TaskTrigger>();
            foreach (var required in requires)
            {
                var done = session.TasksNamed(required).LastOrDefault(t => t.State == ExecutionState.Success);
                if (done is null)
                {
                    triggers.Clear();
                    break;
                }

                triggers.Add(new TaskTrigger(done.Id, Clauses.OnSuccess));
            }

            if (triggers.Count == requires.Length)
            {
                TaskRunner.Run(session, spec, [.. triggers]);
            }
        }
    }

    /// <summary>The target and everything it requires, dependencies first.</summary>
    private static ImmutableArray<TaskSpec> Subgraph(Session session, string target) =>
        session.Plan.Subgraphs.GetOrAdd(target, name =>
        {
            var spec = session.Spec;
            var order = new List<TaskSpec>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            void Visit(string taskName)
            {
                if (!seen.Add(taskName) || spec.FindTask(taskName) is not { } task)
                {
                    return;
                }

                foreach (var required in session.Plan.Requires(task))
                {
                    Visit(required);
                }

                order.Add(task);
            }

            Visit(name);
            return [.. order];
        });
}
