namespace Sirocco.Actions.Abstractions;

/// <summary>
/// An action: one unit of work a workflow task calls. The runner creates a fresh instance per call,
/// binds the call's input to the properties marked <see cref="ActionInputAttribute"/>, then runs it.
/// </summary>
/// <remarks>
/// Return <see cref="ActionOutcome.Success"/>, <see cref="ActionOutcome.Error(Sirocco.Expressions.Values.Value)"/>
/// for expected failures, or <see cref="ActionOutcome.Pending"/> for a delegate whose result arrives later
/// through the REST API. An exception thrown from <see cref="RunAsync"/> becomes an error with its message.
/// </remarks>
public interface IAction
{
    /// <summary>Runs the action once; honour <see cref="ActionContext.CancellationToken"/>.</summary>
    ValueTask<ActionOutcome> RunAsync(ActionContext context);
}
