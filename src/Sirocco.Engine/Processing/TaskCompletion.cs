using Sirocco.Engine.Commands;
using Sirocco.Engine.DataFlow;
using Sirocco.Engine.State;
using Sirocco.Expressions.Values;
using Sirocco.Language.Model;

namespace Sirocco.Engine.Processing;

/// <summary>A task reaches its final state: publish, keep-result, transitions, then the workflow completion check.</summary>
internal static class TaskCompletion
{
    public static void Complete(Session session, TaskExecution task, ExecutionState state, string? stateInfo, Value? result)
    {
        var spec = session.Plan.Task(task.Name);
        task = task with { State = state, StateInfo = stateInfo, Result = result, FinishedAt = session.Now };
        session.UpdateTask(task);

        if (state is ExecutionState.Success or ExecutionState.Error && !Publish(session, spec, ref task))
        {
            // Mistral fails the task and, with it, the workflow when publishing cannot be evaluated.
            session.UpdateTask(task);
            session.Emit(new Notify(task.WorkflowExecutionId, "TASK_FAILED", task.Id, task.State));
            Completion.FailNow(session);
            return;
        }

        if (!KeepResult(session, spec, task))
        {
            task = task with { Result = null };
        }

        session.UpdateTask(task);
        session.Emit(new Notify(task.WorkflowExecutionId, EventName(task.State), task.Id, task.State));
        Continue(session, task);
    }

    /// <summary>Takes the transitions of a completed task and checks whether the workflow has finished.</summary>
    public static void Continue(Session session, TaskExecution task)
    {
        if (session.Workflow.State.IsCompleted())
        {
            return;
        }

        if (session.Spec.Type == WorkflowType.Reverse)
        {
            ReverseFlow.Continue(session, task);
        }
        else
        {
            DirectFlow.Continue(session, task);
        }

        Completion.CheckAndComplete(session);
    }

    private static bool Publish(Session session, TaskSpec spec, ref TaskExecution task)
    {
        var publish = PublishScopes.For(spec, task.State);
        if (publish.IsEmpty)
        {
            return true;
        }

        var current = task;
        var scope = ExpressionScope.LazyForTask(session, current, () => ContextResolver.Inbound(session, current));
        var branch = session.EvaluateDeep(publish.Branch, scope);
        var global = branch.IsSuccess ? session.EvaluateDeep(publish.Global, scope) : branch;
        if (!branch.IsSuccess || !global.IsSuccess)
        {
            var error = (branch.Error ?? global.Error)!;
            task = task with { State = ExecutionState.Error, StateInfo = Evaluation.Describe(error), Published = DictValue.Empty };
            return false;
        }

        task = task with { Published = (DictValue)branch.Value! };
        if (global.Value is DictValue { Count: > 0 } globals)
        {
            var execution = session.Workflow;
            session.UpdateExecution(execution with { Context = DeepMerge.Merge(execution.Context, globals) });
        }

        return true;
    }

    private static bool KeepResult(Session session, TaskSpec spec, TaskExecution task)
    {
        switch (spec.KeepResult)
        {
            case null:
                return true;
            case StringValue text:
                var scope = ExpressionScope.ForTask(session, task, ContextResolver.Inbound(session, task));
                var evaluated = session.Context.Expressions.Evaluate(text.Value, scope);
                return !evaluated.IsSuccess || evaluated.Value!.IsTruthy;
            default:
                return spec.KeepResult.IsTruthy;
        }
    }

    private static string EventName(ExecutionState state) => state switch
    {
        ExecutionState.Success => "TASK_SUCCEEDED",
        ExecutionState.Error => "TASK_FAILED",
        ExecutionState.Cancelled => "TASK_CANCELLED",
        _ => "TASK_UPDATED",
    };
}
