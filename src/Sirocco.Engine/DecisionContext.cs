using Sirocco.Expressions;
using Sirocco.Language.Model;

namespace Sirocco.Engine;

/// <summary>Everything a decision may use besides the state and the event: the definition, expressions, ids and the time.</summary>
/// <param name="Workflow">The definition of the workflow the execution runs.</param>
/// <param name="Expressions">Evaluates YAQL and Jinja.</param>
/// <param name="Ids">Makes ids for what the decision creates.</param>
/// <param name="Now">The time of the decision (stamps rows, computes timer due times).</param>
public sealed record DecisionContext(WorkflowSpec Workflow, IExpressionEvaluator Expressions, IIdGenerator Ids, DateTimeOffset Now)
{
    /// <summary>Resolves <c>env</c> given by name; null when only inline environments are allowed.</summary>
    public IEnvironmentLookup? Environments { get; init; }

    /// <summary>The limits this decision enforces; <see cref="ExecutionLimits.Default"/> unless the host says otherwise.</summary>
    public ExecutionLimits Limits { get; init; } = ExecutionLimits.Default;
}
