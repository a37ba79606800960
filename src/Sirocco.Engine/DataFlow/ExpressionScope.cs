using Sirocco.Engine.Processing;
using Sirocco.Engine.State;
using Sirocco.Expressions;
using Sirocco.Expressions.Values;

namespace Sirocco.Engine.DataFlow;

/// <summary>
/// Builds what <c>$</c> (YAQL) and <c>_</c> (Jinja) see, in Mistral's order of precedence: the current
/// task, the task's inbound context, <c>__env</c>, the execution context (vars, global publishes,
/// <c>__execution</c>), then the execution input.
/// </summary>
internal static class ExpressionScope
{
    public static ExpressionContext ForTask(Session session, TaskExecution task, DictValue inContext, DictValue? extra = null)
    {
        var current = DictValue.From([
            new KeyValuePair<string, Value>("__task_execution", DictValue.From([
                new KeyValuePair<string, Value>("id", Value.From(task.Id)),
                new KeyValuePair<string, Value>("name", Value.From(task.Name)),
            ])),
        ]);
        var data = extra is null
            ? Layer(session, current, inContext)
            : Layer(session, extra, current, inContext);
        return new ExpressionContext(data, new WorkflowStateView(session, task.Name));
    }

    /// <summary>A task scope built on first use.</summary>
    public static LazyScope LazyForTask(Session session, TaskExecution task, Func<DictValue> inContext, DictValue? extra = null) =>
        new(() => ForTask(session, task, inContext(), extra));

    /// <summary>The scope of workflow-level expressions (vars, output): no task, optional final context.</summary>
    public static ExpressionContext ForWorkflow(Session session, DictValue context) =>
        new(Layer(session, context), new WorkflowStateView(session, null));

    private static DictValue Layer(Session session, params ReadOnlySpan<DictValue> top)
    {
        var execution = session.Workflow;
        var layers = new DictValue[top.Length + 3];
        top.CopyTo(layers);
        layers[top.Length] = DictValue.From([new KeyValuePair<string, Value>("__env", execution.Environment)]);
        layers[top.Length + 1] = execution.Context.With("__execution", ExecutionDict(execution));
        layers[top.Length + 2] = execution.Input;
        return DeepMerge.Layer(layers);
    }

    /// <summary>What <c>execution()</c> returns.</summary>
    public static DictValue ExecutionDict(WorkflowExecution execution) => DictValue.From([
        new KeyValuePair<string, Value>("id", Value.From(execution.Id)),
        new KeyValuePair<string, Value>("name", Value.From(execution.WorkflowName)),
        new KeyValuePair<string, Value>("input", execution.Input),
        new KeyValuePair<string, Value>("params", execution.Params),
        new KeyValuePair<string, Value>("state", Value.From(execution.State.ToMistral())),
        new KeyValuePair<string, Value>("root_execution_id", Value.From(execution.RootExecutionId)),
        new KeyValuePair<string, Value>("task_execution_id", Value.From(execution.TaskExecutionId)),
        new KeyValuePair<string, Value>("created_at", Value.From(Timestamps.Format(execution.CreatedAt))),
        new KeyValuePair<string, Value>("updated_at", Value.From(Timestamps.Format(execution.UpdatedAt))),
    ]);
}
