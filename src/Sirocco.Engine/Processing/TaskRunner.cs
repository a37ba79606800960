using System.Collections.Immutable;
using Sirocco.Engine.Commands;
using Sirocco.Engine.DataFlow;
using Sirocco.Engine.Events;
using Sirocco.Engine.State;
using Sirocco.Expressions;
using Sirocco.Expressions.Values;
using Sirocco.Language.Model;

namespace Sirocco.Engine.Processing;

/// <summary>Creates task executions and starts what they run: an action, a sub-workflow, or with-items iterations.</summary>
internal static class TaskRunner
{
    /// <summary>Runs a task reached through <paramref name="triggers"/> (none for a start task).</summary>
    public static void Run(Session session, TaskSpec spec, ImmutableArray<TaskTrigger> triggers)
    {
        if (spec.Join is not null && session.Spec.Type == WorkflowType.Direct)
        {
            Joins.Arrive(session, spec, triggers);
            return;
        }

        // Several branches may start tasks in one decision; once the task-count limit has failed the
        // execution, the rest start nothing.
        if (session.Workflow.State.IsCompleted() || !ExecutionLimitChecks.AllowNewTask(session, spec))
        {
            return;
        }

        var task = NewTask(session, spec, triggers, ExecutionState.Running);
        session.CreateTask(task);
        Launch(session, task);
    }

    public static TaskExecution NewTask(Session session, TaskSpec spec, ImmutableArray<TaskTrigger> triggers, ExecutionState state) => new()
    {
        Id = session.NewId(),
        Name = spec.Name,
        WorkflowExecutionId = session.Workflow.Id,
        WorkflowName = session.Workflow.WorkflowName,
        Type = spec.Kind == TaskKind.Workflow ? TaskType.Workflow : TaskType.Action,
        State = state,
        TriggeredBy = triggers,
        IsJoin = spec.Join is not null,
        CreatedAt = session.Now,
        UpdatedAt = session.Now,
        StartedAt = state == ExecutionState.Running ? session.Now : null,
    };

    /// <summary>A RUNNING task begins: policies that hold it back first, then its action(s).</summary>
    public static void Launch(Session session, TaskExecution task)
    {
        if (session.Workflow.State.IsCompleted() || Policies.HoldBeforeStart(session, task))
        {
            return;
        }

        RunActions(session, session.FindTask(task.Id)!);
    }

    /// <summary>Evaluates the task's input and starts its action or sub-workflow (or its items).</summary>
    public static void RunActions(Session session, TaskExecution task)
    {
        var spec = session.Plan.Task(task.Name);
        task = Policies.StartTimeout(session, task, spec);
        if (spec.Kind == TaskKind.Workflow && ExecutionLimitChecks.SubworkflowTooDeep(session, spec) is { } tooDeep)
        {
            TaskCompletion.Complete(session, task, ExecutionState.Error, tooDeep, null);
            return;
        }

        if (!spec.WithItems.IsEmpty)
        {
            WithItems.Start(session, task, spec, ContextResolver.Inbound(session, task));
            return;
        }

        var scope = ExpressionScope.LazyForTask(session, task, () => ContextResolver.Inbound(session, task));
        if (!TryPrepare(session, spec, scope, out var call, out var error))
        {
            TaskCompletion.Complete(session, task, ExecutionState.Error, error, null);
            return;
        }

        StartCall(session, task, spec, call, 0);
    }

    /// <summary>The evaluated target (action or workflow name) and input of one call.</summary>
    public static bool TryPrepare(Session session, TaskSpec spec, LazyScope scope, out PreparedCall call, out string error)
    {
        call = default;
        var nameText = spec.Workflow ?? spec.Action ?? "std.noop";
        var name = session.Evaluate(nameText, scope);
        if (!name.IsSuccess)
        {
            error = Evaluation.Describe(name.Error!);
            return false;
        }

        var input = session.EvaluateDeep(spec.Input, scope);
        if (!input.IsSuccess)
        {
            error = Evaluation.Describe(input.Error!);
            return false;
        }

        if (input.Value is not DictValue inputDict)
        {
            error = $"Task input must be a dictionary, got: {input.Value!.ToText()} [task={spec.Name}]";
            return false;
        }

        string? target = null;
        if (spec.Target is not null)
        {
            var evaluated = session.EvaluateDeep(spec.Target, scope);
            target = evaluated.IsSuccess && evaluated.Value is StringValue s ? s.Value : null;
        }

        call = new PreparedCall(name.Value!.ToText(), inputDict, target);
        error = string.Empty;
        return true;
    }

    /// <summary>Creates the action execution (or sub-workflow call) and emits its command.</summary>
    public static void StartCall(Session session, TaskExecution task, TaskSpec spec, PreparedCall call, int index)
    {
        var execution = session.Workflow;
        var id = session.NewId();
        var isWorkflow = spec.Kind == TaskKind.Workflow;
        session.CreateAction(new ActionExecution
        {
            Id = id,
            TaskExecutionId = task.Id,
            WorkflowExecutionId = execution.Id,
            Name = call.Name,
            Type = isWorkflow ? TaskType.Workflow : TaskType.Action,
            State = ExecutionState.Running,
            Input = call.Input,
            Index = index,
            CreatedAt = session.Now,
            UpdatedAt = session.Now,
        });
        if (isWorkflow)
        {
            var link = new SubworkflowLink(execution.Id, task.Id, execution.RootExecutionId ?? execution.Id) { Depth = execution.Depth + 1 };
            var childParams = DictValue.Empty;
            if (execution.Params.Get("env") is DictValue env)
            {
                childParams = childParams.With("env", env);
            }

            session.Emit(new StartSubworkflow(id, call.Name, call.Input, childParams, link));
        }
        else
        {
            session.Emit(new RunAction(id, task.Id, execution.Id, call.Name, call.Input)
            {
                Target = call.Target,
                SafeRerun = Policies.SafeRerun(session, spec),
                Index = index,
            });
        }
    }
}
