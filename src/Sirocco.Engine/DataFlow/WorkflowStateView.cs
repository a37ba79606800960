using Sirocco.Engine.Processing;
using Sirocco.Engine.State;
using Sirocco.Expressions;
using Sirocco.Expressions.Values;
using Sirocco.Language.Model;

namespace Sirocco.Engine.DataFlow;

/// <summary><c>task()</c>, <c>tasks()</c>, <c>executions()</c> and <c>global()</c> over the execution being decided.</summary>
internal sealed class WorkflowStateView(Session session, string? currentTask) : IWorkflowState
{
    public Value? Task(string? taskName)
    {
        var name = taskName ?? currentTask;
        if (name is null)
        {
            return null;
        }

        TaskExecution? latest = null;
        foreach (var task in session.TasksNamed(name))
        {
            latest = task;
        }

        return latest is null ? null : TaskDict(latest, session.Spec.FindTask(latest.Name));
    }

    public Value Tasks(string? workflowExecutionId, bool recursive, string? state, bool flat)
    {
        // Only this execution's tasks are visible from inside the engine; sub-workflow tasks
        // (recursive=true) live in other executions (see docs/semantics.md).
        if (workflowExecutionId is not null && workflowExecutionId != session.Workflow.Id)
        {
            return ListValue.Empty;
        }

        var items = new List<Value>();
        foreach (var task in session.Tasks())
        {
            if (state is not null && !string.Equals(task.State.ToMistral(), state, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (flat && task.Type == TaskType.Workflow)
            {
                continue;
            }

            items.Add(TaskDict(task, session.Spec.FindTask(task.Name)));
        }

        return new ListValue(items);
    }

    public Value Executions(string? id, string? rootExecutionId, string? state, string? fromTime, string? toTime)
    {
        var execution = session.Workflow;
        var matches = (id is null || id == execution.Id)
            && (rootExecutionId is null || rootExecutionId == execution.RootExecutionId)
            && (state is null || string.Equals(state, execution.State.ToMistral(), StringComparison.OrdinalIgnoreCase));
        return matches ? Value.List(ExpressionScope.ExecutionDict(execution)) : ListValue.Empty;
    }

    public Value? Global(string name)
    {
        if (session.Spec.Vars.Get(name) is not null)
        {
            return null;
        }

        return session.Workflow.Context.Get(name);
    }

    public static DictValue TaskDict(TaskExecution task, TaskSpec? spec) => DictValue.From([
        new KeyValuePair<string, Value>("id", Value.From(task.Id)),
        new KeyValuePair<string, Value>("name", Value.From(task.Name)),
        new KeyValuePair<string, Value>("spec", SpecDict(task.Name, spec)),
        new KeyValuePair<string, Value>("type", Value.From(task.Type == TaskType.Workflow ? "WORKFLOW" : "ACTION")),
        new KeyValuePair<string, Value>("workflow_execution_id", Value.From(task.WorkflowExecutionId)),
        new KeyValuePair<string, Value>("state", Value.From(task.State.ToMistral())),
        new KeyValuePair<string, Value>("state_info", Value.From(task.StateInfo)),
        new KeyValuePair<string, Value>("result", task.Result ?? Value.Null),
        new KeyValuePair<string, Value>("published", task.Published),
        new KeyValuePair<string, Value>("created_at", Value.From(Timestamps.Format(task.CreatedAt))),
        new KeyValuePair<string, Value>("updated_at", Value.From(Timestamps.Format(task.UpdatedAt))),
    ]);

    /// <summary>The part of the task's definition <c>task().spec</c> shows.</summary>
    private static DictValue SpecDict(string name, TaskSpec? spec)
    {
        var entries = new List<KeyValuePair<string, Value>> { new("name", Value.From(name)) };
        if (spec is not null)
        {
            if (spec.Description is not null)
            {
                entries.Add(new("description", Value.From(spec.Description)));
            }

            entries.Add(new("tags", Value.List(spec.Tags.Select(Value.From))));
            entries.Add(spec.Workflow is not null
                ? new("workflow", Value.From(spec.Workflow))
                : new KeyValuePair<string, Value>("action", Value.From(spec.Action ?? "std.noop")));
        }

        return DictValue.From(entries);
    }
}
