using Sirocco.Engine.DataFlow;
using Sirocco.Engine.State;
using Sirocco.Expressions.Values;
using Sirocco.Language.Model;

namespace Sirocco.Engine.Processing;

/// <summary>Transitions of direct workflows: <c>on-error</c>, <c>on-success</c>, <c>on-complete</c>, engine commands.</summary>
internal static class DirectFlow
{
    public static void Continue(Session session, TaskExecution task)
    {
        var spec = session.Plan.Task(task.Name);
        var scope = ExpressionScope.LazyForTask(session, task, () => ContextResolver.Outbound(session, task));
        var chosen = new List<(TransitionSpec Transition, string Event, DictValue Params)>();
        string? error = null;
        void Take(string clause)
        {
            foreach (var transition in session.Plan.Clause(spec, clause))
            {
                if (error is not null)
                {
                    return;
                }

                if (transition.Condition is not null)
                {
                    var condition = session.Evaluate(transition.Condition, scope);
                    if (!condition.IsSuccess)
                    {
                        error = Evaluation.Describe(condition.Error!);
                        return;
                    }

                    if (!condition.Value!.IsTruthy)
                    {
                        continue;
                    }
                }

                var parameters = session.EvaluateDeep(transition.Params, scope);
                if (!parameters.IsSuccess)
                {
                    error = Evaluation.Describe(parameters.Error!);
                    return;
                }

                chosen.Add((transition, clause, parameters.Value as DictValue ?? DictValue.Empty));
            }
        }

        if (task.State == ExecutionState.Error)
        {
            Take(Clauses.OnError);
        }
        else if (task.State == ExecutionState.Success)
        {
            Take(Clauses.OnSuccess);
        }

        if (task.State is ExecutionState.Success or ExecutionState.Error)
        {
            Take(Clauses.OnComplete);
        }

        if (error is not null)
        {
            // A transition that cannot be evaluated fails the task and the workflow, as in Mistral.
            session.UpdateTask(task with { State = ExecutionState.Error, StateInfo = error });
            Completion.FailNow(session);
            return;
        }

        task = task with
        {
            NextTasks = [.. chosen.Where(c => c.Transition.Kind == TransitionKind.Task).Select(c => new NextTask(c.Transition.Target, c.Event))],
            ErrorHandled = task.State == ExecutionState.Error && chosen.Any(c => c.Event == Clauses.OnError),
        };
        session.UpdateTask(task);
        Dispatch(session, task, chosen);
        RefreshAffectedJoins(session, spec);
    }

    /// <summary>
    /// Mistral's command order: tasks before the first state command (fail, succeed, pause) run; after
    /// fail or succeed nothing else does; after pause the rest waits in the backlog until resume.
    /// </summary>
    private static void Dispatch(Session session, TaskExecution task, List<(TransitionSpec Transition, string Event, DictValue Params)> chosen)
    {
        var commands = chosen.Where(c => c.Transition.Kind != TransitionKind.Noop).ToList();
        var stateIndex = commands.FindIndex(c => c.Transition.Kind is TransitionKind.Fail or TransitionKind.Succeed or TransitionKind.Pause);
        for (var i = 0; i < commands.Count; i++)
        {
            var (transition, clause, parameters) = commands[i];
            if (session.Workflow.State.IsCompleted())
            {
                return;
            }

            if (i == stateIndex)
            {
                var message = parameters.Get("msg") is { IsNull: false } msg ? PythonJson.StateInfo(msg) : null;
                switch (transition.Kind)
                {
                    case TransitionKind.Fail:
                        Completion.Stop(session, ExecutionState.Error, message);
                        return;
                    case TransitionKind.Succeed:
                        Completion.Stop(session, ExecutionState.Success, message);
                        return;
                    default:
                        Lifecycle.PauseByCommand(session, message);
                        continue;
                }
            }

            if (stateIndex >= 0 && i > stateIndex && commands[stateIndex].Transition.Kind != TransitionKind.Pause)
            {
                return;
            }

            StartOrHold(session, transition.Target, task.Id, clause);
        }
    }

    /// <summary>Starts the target task, or keeps the transition for later while the workflow is paused.</summary>
    public static void StartOrHold(Session session, string target, string fromTaskExecutionId, string clause)
    {
        var execution = session.Workflow;
        if (execution.State == ExecutionState.Paused)
        {
            session.UpdateExecution(execution with { Backlog = execution.Backlog.Add(new PendingTransition(target, fromTaskExecutionId, clause)) });
            return;
        }

        TaskRunner.Run(session, session.Plan.Task(target), [new TaskTrigger(fromTaskExecutionId, clause)]);
    }

    /// <summary>
    /// Joins downstream of a finished task may now be impossible (Mistral's indirectly affected tasks).
    /// Mistral stops its walk at joins that already have an execution; refreshing a further waiting join
    /// as well is harmless, its logical state is computed from scratch.
    /// </summary>
    private static void RefreshAffectedJoins(Session session, TaskSpec from)
    {
        foreach (var name in session.Plan.DownstreamJoins(from.Name))
        {
            if (session.TasksNamed(name).LastOrDefault() is { State: ExecutionState.Waiting } join)
            {
                Joins.Refresh(session, join);
            }
        }
    }
}
