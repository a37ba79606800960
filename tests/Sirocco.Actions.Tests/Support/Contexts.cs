using Sirocco.Actions.Abstractions;
using Sirocco.Actions.Registry;
using Sirocco.Actions.Standard;
using Sirocco.Expressions.Values;

namespace Sirocco.Actions.Tests.Support;

/// <summary>Shortcuts to build registries, inputs and contexts in tests.</summary>
internal static class Contexts
{
    public static ActionRegistry Standard(StandardActionOptions? options = null) => new ActionRegistry().AddStandardActions(options);

    public static DictValue Input(string json) => (DictValue)JsonValues.Parse(json);

    public static ActionContext Context(
        TimeProvider? time = null,
        CancellationToken cancellationToken = default,
        string actionExecutionId = "ae-1") => new()
        {
            ActionExecutionId = actionExecutionId,
            ExecutionId = "ex-1",
            TaskExecutionId = "te-1",
            WorkflowName = "wf",
            CallbackUrl = new Uri("http://127.0.0.1:8989/v2/callbacks/ae-1/token"),
            CancellationToken = cancellationToken,
            Time = time ?? TimeProvider.System,
        };

    /// <summary>Creates the named action with <paramref name="json"/> bound and runs it once.</summary>
    public static async Task<ActionOutcome> RunAsync(this ActionRegistry registry, string name, string json, ActionContext? context = null)
    {
        var action = registry.Find(name)!.Create(Input(json));
        return await action.RunAsync(context ?? Context());
    }
}
