using Sirocco.Expressions.Values;

namespace Sirocco.Engine.Commands;

/// <summary>Run an action; its outcome comes back as an <see cref="Events.ActionCompleted"/> event.</summary>
/// <param name="ActionExecutionId">De-duplication key for runners and the engine.</param>
/// <param name="TaskExecutionId">The task the action belongs to.</param>
/// <param name="ExecutionId">The workflow execution.</param>
/// <param name="ActionName">The action to run (<c>std.echo</c>, an ad-hoc action, ...).</param>
/// <param name="Input">The evaluated input.</param>
public sealed record RunAction(string ActionExecutionId, string TaskExecutionId, string ExecutionId, string ActionName, DictValue Input)
    : EngineCommand
{
    /// <summary>The executor to run on (<c>target</c>), or null for any.</summary>
    public string? Target { get; init; }

    /// <summary>True when the task may be run again if its runner is lost.</summary>
    public bool SafeRerun { get; init; }

    /// <summary>The item index of a with-items task.</summary>
    public int Index { get; init; }
}
