using Sirocco.Language.Model;

namespace Sirocco.Language.Parsing;

/// <summary>
/// The checks that need the whole task graph of one workflow: references to undefined tasks, a direct
/// workflow's start tasks and <c>join</c> arities, a reverse workflow's <c>requires</c> cycles.
/// </summary>
internal sealed class WorkflowGraphCheck(WorkflowSpec workflow, string path, IReadOnlyList<TaskReference> references, DiagnosticBag bag)
{
    public void Run()
    {
        var unresolved = CheckReferences();
        if (unresolved || workflow.Tasks.IsEmpty)
        {
            return;
        }

        if (workflow.Type == WorkflowType.Direct)
        {
            CheckStartAndJoins();
        }
        else
        {
            CheckCycles();
        }
    }

    private bool CheckReferences()
    {
        var unresolved = false;
        foreach (var reference in references)
        {
            if (reference.IsRequires && reference.From == reference.Target)
            {
                bag.Add(reference.Node, reference.Path, $"task '{reference.Target}' requires itself");
                unresolved = true;
            }
            else if (workflow.FindTask(reference.Target) is null)
            {
                bag.Add(reference.Node, reference.Path, reference.IsRequires
                    ? $"'requires' names undefined task '{reference.Target}'"
                    : $"transition to undefined task '{reference.Target}'");
                unresolved = true;
            }
        }

        return unresolved;
    }

    /// <summary>Mistral applies a task-defaults clause to every task without its own, minus transitions to itself.</summary>
    private IEnumerable<string> Outbound(TaskSpec task)
    {
        var defaults = workflow.TaskDefaults;
        foreach (var (own, inherited) in new[]
                 {
                     (task.OnSuccess, defaults?.OnSuccess), (task.OnError, defaults?.OnError), (task.OnComplete, defaults?.OnComplete),
                 })
        {
            var next = own is { Next.IsEmpty: false } ? own.Next : inherited?.Next.Where(t => t.Target != task.Name) ?? [];
            foreach (var transition in next)
            {
                if (transition.Kind == TransitionKind.Task)
                {
                    yield return transition.Target;
                }
            }
        }
    }

    private void CheckStartAndJoins()
    {
        var inbound = workflow.Tasks.ToDictionary(t => t.Name, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var task in workflow.Tasks)
        {
            foreach (var target in Outbound(task))
            {
                inbound[target].Add(task.Name);
            }
        }

        if (inbound.Values.All(sources => sources.Count > 0))
        {
            bag.Add(workflow.Location, path,
                "the workflow has no start task: every task is the target of a transition, so none can run first");
        }

        foreach (var task in workflow.Tasks)
        {
            if (task.Join is not { } join)
            {
                continue;
            }

            var count = inbound[task.Name].Count;
            var joinPath = YamlPaths.Key(YamlPaths.Key(YamlPaths.Key(path, "tasks"), task.Name), "join");
            if (join.IsAll && count == 0)
            {
                bag.Add(join.Location, joinPath, $"task '{task.Name}' has 'join: all' but no task transitions to it");
            }
            else if (join.Count is { } n && count < n)
            {
                bag.Add(join.Location, joinPath, $"task '{task.Name}' joins {n} inbound tasks but only {count} transition to it");
            }
        }
    }

    private void CheckCycles()
    {
        var defaults = workflow.TaskDefaults?.Requires ?? [];
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new List<string>();

        IEnumerable<string> Requires(TaskSpec task) => task.Requires.Concat(defaults.Where(r => r != task.Name)).Distinct(StringComparer.Ordinal);

        bool Visit(TaskSpec task)
        {
            state[task.Name] = 1;
            stack.Add(task.Name);
            foreach (var required in Requires(task))
            {
                var status = state.GetValueOrDefault(required);
                if (status == 1)
                {
                    var cycle = stack.Skip(stack.IndexOf(required)).Append(required);
                    var at = references.FirstOrDefault(r => r.IsRequires && r.From == task.Name && r.Target == required);
                    var message = $"'requires' forms a cycle: {string.Join(" -> ", cycle)}";
                    if (at is not null)
                    {
                        bag.Add(at.Node, at.Path, message);
                    }
                    else
                    {
                        bag.Add(task.Location, YamlPaths.Key(YamlPaths.Key(path, "tasks"), task.Name), message);
                    }

                    return true;
                }

                if (status == 0 && Visit(workflow.FindTask(required)!))
                {
                    return true;
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[task.Name] = 2;
            return false;
        }

        foreach (var task in workflow.Tasks)
        {
            if (!state.ContainsKey(task.Name) && Visit(task))
            {
                return;
            }
        }
    }
}
