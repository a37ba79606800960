using Sirocco.Persistence.Executions;

namespace Sirocco.Api.Executions;

/// <summary>A completion or update of an action execution.</summary>
/// <param name="State">SUCCESS, ERROR, CANCELLED, RUNNING or PAUSED.</param>
/// <param name="OutputJson">The action's result (not yet wrapped in <c>{"result": …}</c>), or null.</param>
/// <param name="StateInfo">Free text, or null.</param>
public sealed record ActionCompletion(string State, string? OutputJson, string? StateInfo)
{
    /// <summary>
    /// The action as the caller read it just before, or null: with it the action is not read again, neither for its
    /// execution nor for the answer, which is this record with what the engine stored.
    /// </summary>
    public ActionExecutionRecord? Before { get; init; }
}
