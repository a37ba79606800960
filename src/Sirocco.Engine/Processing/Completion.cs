using System.Text;
using Sirocco.Engine.Commands;
using Sirocco.Engine.DataFlow;
using Sirocco.Engine.State;
using Sirocco.Expressions.Values;
using Sirocco.Language.Model;

namespace Sirocco.Engine.Processing;

/// <summary>
/// The end of an execution: when no task is left running it succeeds (every error handled), fails
/// (Mistral's "Failure caused by error in tasks" message) or is cancelled; output and output-on-error
/// are evaluated against the final context.
/// </summary>
internal static class Completion
{
    public static void CheckAndComplete(Session session)
    {
        var execution = session.Workflow;
        if (execution.State is ExecutionState.Paused || execution.State.IsCompleted() || session.AnyIncompleteTask())
        {
            return;
        }

        var tasks = session.Tasks().ToList();
        var cancelled = tasks.Where(t => t.State == ExecutionState.Cancelled).Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        if (cancelled.Count > 0)
        {
            Cancel(session, "Cancelled tasks: " + string.Join(", ", cancelled));
        }
        else if (tasks.All(t => IsHandled(session, t)))
        {
            Succeed(session, FinalContext(session, tasks), null);
        }
        else
        {
            Fail(session, FailureMessage(session, tasks), FinalContext(session, tasks));
        }
    }

    /// <summary>The <c>fail</c> and <c>succeed</c> engine commands: end now, whatever still runs.</summary>
    /// <summary>Ends the execution in ERROR with an empty output, whatever its output sections say.</summary>
    public static void FailWithoutOutput(Session session, string? message) => Finish(session, ExecutionState.Error, message, DictValue.Empty);

    public static void Stop(Session session, ExecutionState state, string? message)
    {
        var tasks = session.Tasks().ToList();
        if (state == ExecutionState.Success)
        {
            Succeed(session, FinalContext(session, tasks), message);
        }
        else
        {
            Fail(session, message, FinalContext(session, tasks));
        }
    }

    /// <summary>Fails the workflow at once because of an unhandled task error (a publish or transition that could not be evaluated).</summary>
    public static void FailNow(Session session)
    {
        var tasks = session.Tasks().ToList();
        Fail(session, FailureMessage(session, tasks), FinalContext(session, tasks));
    }

    public static void Succeed(Session session, DictValue finalContext, string? message)
    {
        var spec = session.Spec;
        var output = finalContext;
        if (spec.Output.Count > 0)
        {
            var evaluated = session.Context.Expressions.EvaluateDeep(spec.Output, ExpressionScope.ForWorkflow(session, finalContext));
            if (!evaluated.IsSuccess)
            {
                Fail(session, Evaluation.Describe(evaluated.Error!), finalContext);
                return;
            }

            // Mistral: "output or ctx" — an output that evaluates to nothing gives the final context.
            output = evaluated.Value is DictValue { Count: > 0 } dict ? dict : finalContext;
        }

        Finish(session, ExecutionState.Success, message, output);
    }

    public static void Fail(Session session, string? message, DictValue finalContext)
    {
        if (session.Workflow.State.IsCompleted())
        {
            return;
        }

        var outputOnError = finalContext;
        var spec = session.Spec;
        if (spec.OutputOnError.Count > 0)
        {
            var evaluated = session.Context.Expressions.EvaluateDeep(spec.OutputOnError, ExpressionScope.ForWorkflow(session, finalContext));
            if (evaluated.IsSuccess)
            {
                outputOnError = evaluated.Value is DictValue { Count: > 0 } dict ? dict : finalContext;
            }
            else
            {
                message = $"Failed to evaluate expression in output-on-error! (output-on-error: '{spec.OutputOnError.ToRepr()}', "
                    + $"exception: '{Evaluation.Describe(evaluated.Error!)}' Cause: '{message}'";
                outputOnError = DictValue.Empty;
            }
        }

        var output = DeepMerge.Merge(DictValue.From([new KeyValuePair<string, Value>("result", Value.From(message))]), outputOnError);
        Finish(session, ExecutionState.Error, message, output);
    }

    public static void Cancel(Session session, string? message)
    {
        Finish(session, ExecutionState.Cancelled, message, DictValue.From([new KeyValuePair<string, Value>("result", Value.From(message))]));
    }

    private static void Finish(Session session, ExecutionState state, string? message, DictValue output)
    {
        var execution = session.Workflow;
        if (execution.State.IsCompleted())
        {
            return;
        }

        execution = execution with { State = state, StateInfo = message, Output = output, Backlog = [] };
        session.UpdateExecution(execution);
        Timers.DropAll(session);
        session.Emit(new CompleteExecution(execution.Id, state, message));
        session.Emit(new Notify(execution.Id, state switch
        {
            ExecutionState.Success => "WORKFLOW_SUCCEEDED",
            ExecutionState.Error => "WORKFLOW_FAILED",
            _ => "WORKFLOW_CANCELLED",
        }, null, state));
        if (execution.ParentExecutionId is not null)
        {
            session.Emit(new NotifyParent(execution.ParentExecutionId, execution.Id, state, output, message));
        }
    }

    private static bool IsHandled(Session session, TaskExecution task) =>
        task.State != ExecutionState.Error || (session.Spec.Type == WorkflowType.Direct && task.ErrorHandled);

    /// <summary>Direct: the outbound contexts of the tasks that ended a branch, merged; reverse: the target task's.</summary>
    private static DictValue FinalContext(Session session, List<TaskExecution> tasks)
    {
        var context = DictValue.Empty;
        if (session.Spec.Type == WorkflowType.Reverse)
        {
            var target = session.Workflow.Params.Get("task_name")?.ToText();
            var last = tasks.LastOrDefault(t => t.Name == target && t.State.IsCompleted());
            return last is null ? context : ContextResolver.Outbound(session, last);
        }

        foreach (var task in tasks)
        {
            if (task.State.IsCompleted() && !task.HasNextTasks)
            {
                context = DeepMerge.Merge(context, ContextResolver.Outbound(session, task));
            }
        }

        return context;
    }

    private static string FailureMessage(Session session, List<TaskExecution> tasks)
    {
        var failed = tasks.Where(t => !IsHandled(session, t)).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var message = new StringBuilder("Failure caused by error in tasks: ")
            .Append(string.Join(", ", failed.Select(t => t.Name))).Append('\n');
        foreach (var task in failed)
        {
            message.Append("\n  ").Append(task.Name).Append(" [task_ex_id=").Append(task.Id).Append("] -> ")
                .Append(task.StateInfo ?? "None").Append('\n');
            var actionIndex = 0;
            var workflowIndex = 0;
            foreach (var action in session.ActionsOf(task.Id))
            {
                var isWorkflow = action.Type == TaskType.Workflow;
                var index = isWorkflow ? workflowIndex++ : actionIndex++;
                if (action.State == ExecutionState.Error)
                {
                    message.Append(isWorkflow ? "    [wf_ex_id=" : "    [action_ex_id=").Append(action.Id)
                        .Append(", idx=").Append(index).Append("]: ").Append(action.Output?.ToText() ?? "Unknown").Append('\n');
                }
            }
        }

        return message.ToString();
    }
}
