using System.Collections.Immutable;
using Sirocco.Engine.DataFlow;
using Sirocco.Engine.State;
using Sirocco.Expressions.Values;
using Sirocco.Language.Model;

namespace Sirocco.Engine.Processing;

/// <summary>
/// <c>with-items</c>: the lists are evaluated once and stored once; items start in order while the
/// concurrency allows; each completion updates counters only, so the cost per item does not grow with
/// the number of items. Results are gathered in item order once, when the last item finishes.
/// </summary>
internal static class WithItems
{
    public static void Start(Session session, TaskExecution task, TaskSpec spec, DictValue inContext)
    {
        var scope = ExpressionScope.ForTask(session, task, inContext);
        var lists = ImmutableArray.CreateBuilder<ListValue>();
        var variables = ImmutableArray.CreateBuilder<string>();
        foreach (var entry in spec.WithItems)
        {
            var evaluated = session.Context.Expressions.EvaluateDeep(entry.Items, scope);
            if (!evaluated.IsSuccess)
            {
                TaskCompletion.Complete(session, task, ExecutionState.Error, Evaluation.Describe(evaluated.Error!), null);
                return;
            }

            if (evaluated.Value is not ListValue list)
            {
                TaskCompletion.Complete(session, task, ExecutionState.Error,
                    $"Wrong input format for: {entry.Variable}. List type is expected, got: {evaluated.Value!.ToText()}", null);
                return;
            }

            variables.Add(entry.Variable);
            lists.Add(list);
        }

        if (lists.Select(l => l.Count).Distinct().Count() > 1)
        {
            TaskCompletion.Complete(session, task, ExecutionState.Error,
                "Invalid array in 'with-items' clause: all arrays must have the same length.", null);
            return;
        }

        var count = lists.Count == 0 ? 0 : lists[0].Count;
        if (ExecutionLimitChecks.TooManyItems(session, spec, count) is { } tooMany)
        {
            TaskCompletion.Complete(session, task, ExecutionState.Error, tooMany, null);
            return;
        }

        if (count == 0)
        {
            TaskCompletion.Complete(session, task, ExecutionState.Success, null, ListValue.Empty);
            return;
        }

        if (!TryConcurrency(session, spec, scope, out var concurrency, out var error))
        {
            TaskCompletion.Complete(session, task, ExecutionState.Error, error, null);
            return;
        }

        session.CreateItems(new TaskItems(task.Id, variables.ToImmutable(), lists.ToImmutable()));
        task = task with { WithItems = new WithItemsProgress { Count = count, Concurrency = concurrency } };
        session.UpdateTask(task);
        StartMore(session, task, inContext);
    }

    public static void OnItemCompleted(Session session, TaskExecution task, ActionExecution action)
    {
        var progress = task.WithItems!;
        progress = action.State switch
        {
            ExecutionState.Success => progress with { Running = progress.Running - 1, Succeeded = progress.Succeeded + 1 },
            ExecutionState.Error => progress with { Running = progress.Running - 1, Failed = progress.Failed + 1 },
            _ => progress with { Running = progress.Running - 1, Cancelled = progress.Cancelled + 1 },
        };
        task = task with { WithItems = progress };
        session.UpdateTask(task);
        if (!progress.IsFinished)
        {
            if (progress.NextIndex < progress.Count)
            {
                StartMore(session, task, ContextResolver.Inbound(session, task));
            }

            return;
        }

        Finish(session, task, progress);
    }

    /// <summary>Runs the given items again (retry, or rerun without reset); the others keep their results.</summary>
    public static void RerunItems(Session session, TaskExecution task, WithItemsProgress progress, IReadOnlyList<int> failed)
    {
        var spec = session.Plan.Task(task.Name);
        var inContext = ContextResolver.Inbound(session, task);
        var items = session.ItemsOf(task.Id)!;
        task = task with { WithItems = progress with { Running = failed.Count, Failed = 0, Cancelled = 0 } };
        session.UpdateTask(task);
        foreach (var index in failed)
        {
            if (!StartItem(session, task, spec, items, inContext, index))
            {
                return;
            }
        }
    }

    private static void StartMore(Session session, TaskExecution task, DictValue inContext)
    {
        var spec = session.Plan.Task(task.Name);
        var items = session.ItemsOf(task.Id)!;
        var progress = task.WithItems!;
        while (progress.NextIndex < progress.Count && (progress.Concurrency == 0 || progress.Running < progress.Concurrency))
        {
            var index = progress.NextIndex;
            progress = progress with { NextIndex = index + 1, Running = progress.Running + 1 };
            task = task with { WithItems = progress };
            session.UpdateTask(task);
            if (!StartItem(session, task, spec, items, inContext, index))
            {
                return;
            }
        }
    }

    private static bool StartItem(Session session, TaskExecution task, TaskSpec spec, TaskItems items, DictValue inContext, int index)
    {
        var scope = new LazyScope(() => ExpressionScope.ForTask(session, task, inContext, DictValue.From(items.Item(index))));
        if (!TaskRunner.TryPrepare(session, spec, scope, out var call, out var error))
        {
            TaskCompletion.Complete(session, session.FindTask(task.Id)!, ExecutionState.Error, error, null);
            return false;
        }

        TaskRunner.StartCall(session, task, spec, call, index);
        return true;
    }

    private static void Finish(Session session, TaskExecution task, WithItemsProgress progress)
    {
        var results = new Value[progress.Count];
        Array.Fill(results, Value.Null);
        foreach (var action in session.ActionsOf(task.Id))
        {
            if (action.Accepted && action.State.IsCompleted() && action.Index < results.Length)
            {
                results[action.Index] = action.Output ?? Value.Null;
            }
        }

        var (state, info) = progress.Failed > 0
            ? (ExecutionState.Error, "One or more actions had failed.")
            : progress.Cancelled > 0 ? (ExecutionState.Cancelled, "One or more actions was cancelled.") : (ExecutionState.Success, (string?)null);
        TaskCompletion.Complete(session, task, state, info, new ListValue(results));
    }

    private static bool TryConcurrency(Session session, TaskSpec spec, Expressions.ExpressionContext scope, out int concurrency, out string error)
    {
        concurrency = 0;
        error = string.Empty;
        var raw = spec.Concurrency ?? session.Spec.TaskDefaults?.Concurrency;
        if (raw is null)
        {
            return true;
        }

        var evaluated = session.Context.Expressions.EvaluateDeep(raw, scope);
        if (!evaluated.IsSuccess)
        {
            error = Evaluation.Describe(evaluated.Error!);
            return false;
        }

        if (evaluated.Value is IntValue i && i.Value >= 0 && i.Value <= int.MaxValue)
        {
            concurrency = (int)i.Value;
            return true;
        }

        error = $"Invalid data type in ConcurrencyPolicy: expected a non-negative integer, got {evaluated.Value!.ToText()}";
        return false;
    }
}
