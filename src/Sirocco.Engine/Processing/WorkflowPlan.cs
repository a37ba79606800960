using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Sirocco.Language.Model;

namespace Sirocco.Engine.Processing;

/// <summary>
/// What the engine derives once per workflow definition: each task's effective transitions (its own,
/// else the task-defaults' without itself, as Mistral), inbound tasks and the start tasks.
/// </summary>
internal sealed class WorkflowPlan
{
    private static readonly ConditionalWeakTable<WorkflowSpec, WorkflowPlan> Plans = [];

    private readonly FrozenDictionary<string, ImmutableArray<TaskSpec>> _inbound;
    private readonly Lazy<FrozenDictionary<string, ImmutableArray<string>>> _downstreamJoins;
    private readonly Lazy<FrozenSet<string>> _repeatable;

    private WorkflowPlan(WorkflowSpec spec)
    {
        Spec = spec;
        var inbound = spec.Tasks.ToDictionary(t => t.Name, _ => new List<TaskSpec>(), StringComparer.Ordinal);
        foreach (var task in spec.Tasks)
        {
            foreach (var name in OutboundNames(task))
            {
                if (inbound.TryGetValue(name, out var list) && !list.Contains(task))
                {
                    list.Add(task);
                }
            }
        }

        _inbound = inbound.ToFrozenDictionary(p => p.Key, p => p.Value.ToImmutableArray(), StringComparer.Ordinal);
        StartTasks = [.. spec.Tasks.Where(t => _inbound[t.Name].IsEmpty)];
        _downstreamJoins = new(BuildDownstreamJoins);
        _repeatable = new(BuildRepeatable);
    }

    public WorkflowSpec Spec { get; }

    /// <summary>Reverse workflows: the tasks each target needs, dependencies first (filled on demand).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, ImmutableArray<TaskSpec>> Subgraphs { get; } = new(StringComparer.Ordinal);

    /// <summary>Tasks no transition leads to, in file order.</summary>
    public ImmutableArray<TaskSpec> StartTasks { get; }

    public static WorkflowPlan For(WorkflowSpec spec) => Plans.GetValue(spec, s => new WorkflowPlan(s));

    public TaskSpec Task(string name) =>
        Spec.FindTask(name) ?? throw new InvalidOperationException($"Task '{name}' not found in workflow '{Spec.Name}'.");

    public ImmutableArray<TaskSpec> Inbound(string taskName) => _inbound.GetValueOrDefault(taskName, []);

    /// <summary>The transitions of one clause: the task's own, else the task-defaults' minus the task itself.</summary>
    public ImmutableArray<TransitionSpec> Clause(TaskSpec task, string clause)
    {
        var own = clause switch
        {
            Clauses.OnSuccess => task.OnSuccess,
            Clauses.OnError => task.OnError,
            _ => task.OnComplete,
        };
        if (own is not null && !own.Next.IsEmpty)
        {
            return own.Next;
        }

        var defaults = clause switch
        {
            Clauses.OnSuccess => Spec.TaskDefaults?.OnSuccess,
            Clauses.OnError => Spec.TaskDefaults?.OnError,
            _ => Spec.TaskDefaults?.OnComplete,
        };
        return defaults is null ? [] : [.. defaults.Next.Where(t => t.Target != task.Name)];
    }

    /// <summary>Reverse workflows: what a task requires, its own then the task-defaults' (never itself).</summary>
    public ImmutableArray<string> Requires(TaskSpec task) =>
        Spec.TaskDefaults is { Requires.IsEmpty: false } defaults
            ? [.. task.Requires.Concat(defaults.Requires.Where(r => r != task.Name && !task.Requires.Contains(r)))]
            : task.Requires;

    /// <summary>
    /// The join tasks reachable from a task (through any tasks, joins included): a finished task may make
    /// any of them impossible. Built once per definition by walking back from each join, so it costs
    /// O(joins × transitions) once, and nothing per task in workflows without joins.
    /// </summary>
    public ImmutableArray<string> DownstreamJoins(string taskName) => _downstreamJoins.Value.GetValueOrDefault(taskName, []);

    /// <summary>
    /// Whether a task can get more than one execution in one run: it is on a cycle, more than one task leads to
    /// it, or such a task is upstream of it. The others run at most once, so the task-count limit only has to
    /// count when one of these starts.
    /// </summary>
    public bool MayRepeat(string taskName) => _repeatable.Value.Contains(taskName);

    private FrozenSet<string> BuildRepeatable()
    {
        // Walks back along the single inbound transition until a start task (runs once), a task already
        // decided, a task with several inbound transitions or a task seen before on this walk (a cycle).
        var once = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var task in Spec.Tasks)
        {
            var path = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var name = task.Name;
            bool result;
            while (true)
            {
                if (once.TryGetValue(name, out result))
                {
                    break;
                }

                var inbound = Inbound(name);
                var target = name;
                if (!seen.Add(name) || inbound.Length > 1 || (inbound.Length == 1 && OutboundNames(inbound[0]).Count(n => n == target) > 1))
                {
                    result = false;
                    path.Add(name);
                    break;
                }

                path.Add(name);
                if (inbound.IsEmpty)
                {
                    result = true;
                    break;
                }

                name = inbound[0].Name;
            }

            foreach (var step in path)
            {
                once.TryAdd(step, result);
            }
        }

        return once.Where(p => !p.Value).Select(p => p.Key).ToFrozenSet(StringComparer.Ordinal);
    }

    private FrozenDictionary<string, ImmutableArray<string>> BuildDownstreamJoins()
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var join in Spec.Tasks.Where(t => t.Join is not null))
        {
            var visited = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Queue<TaskSpec>(Inbound(join.Name));
            while (pending.Count > 0)
            {
                var task = pending.Dequeue();
                if (!visited.Add(task.Name))
                {
                    continue;
                }

                if (!result.TryGetValue(task.Name, out var joins))
                {
                    result[task.Name] = joins = [];
                }

                joins.Add(join.Name);
                foreach (var upstream in Inbound(task.Name))
                {
                    pending.Enqueue(upstream);
                }
            }
        }

        return result.ToFrozenDictionary(p => p.Key, p => p.Value.ToImmutableArray(), StringComparer.Ordinal);
    }

    private IEnumerable<string> OutboundNames(TaskSpec task) =>
        Clause(task, Clauses.OnError).Concat(Clause(task, Clauses.OnSuccess)).Concat(Clause(task, Clauses.OnComplete))
            .Where(t => t.Kind == TransitionKind.Task)
            .Select(t => t.Target);
}
