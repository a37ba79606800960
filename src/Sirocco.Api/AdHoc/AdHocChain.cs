using Sirocco.Actions.Registry;
using Sirocco.Api.Executions;
using Sirocco.Api.Http;
using Sirocco.Expressions.Values;
using Sirocco.Language;
using Sirocco.Language.Model;
using Sirocco.Persistence;

namespace Sirocco.Api.AdHoc;

/// <summary>
/// Finds what an action name of a workflow task stands for: a registered action (empty chain), or an
/// ad-hoc action — looked up in the execution's own definition (a workbook's <c>actions</c>) first, then
/// among the stored ad-hoc actions — followed down its <c>base</c> until a registered action, so ad-hoc
/// actions built on ad-hoc actions work. The chain is outermost first.
/// </summary>
internal sealed class AdHocChain(ActionRegistry registry, ISiroccoStore store, AdHocActionResolver resolver)
{
    private const int MaxDepth = 16;

    /// <summary>True for an action the registry runs itself (no ad-hoc chain above it).</summary>
    public bool IsRegistered(string actionName) => registry.Find(actionName) is not null;

    public async Task<IReadOnlyList<ActionSpec>> ResolveAsync(string actionName, string? executionId, CancellationToken cancellationToken)
    {
        var chain = new List<ActionSpec>();
        WorkflowDocument? document = null;
        var name = actionName;
        while (registry.Find(name) is null)
        {
            if (chain.Count >= MaxDepth)
            {
                throw ApiException.BadRequest($"Ad-hoc action {actionName} is nested deeper than {MaxDepth} levels (a cycle?)");
            }

            document ??= await DocumentAsync(executionId, cancellationToken);
            var spec = Find(document, name) ?? await resolver.FindAsync(name, string.Empty, cancellationToken)
                ?? throw ApiException.BadRequest($"Failed to find action [action_name={name}]");
            chain.Add(spec);
            name = spec.Base;
        }

        return chain;
    }

    /// <summary>The registered action at the bottom of the chain and its input, <c>base-input</c> applied level by level.</summary>
    public (string ActionName, DictValue Input) BaseCall(IReadOnlyList<ActionSpec> chain, DictValue input)
    {
        foreach (var spec in chain)
        {
            input = resolver.BaseInput(spec, input);
        }

        return (chain[^1].Base, input);
    }

    /// <summary>The registered action's result with each level's <c>output</c> applied, innermost first.</summary>
    public Value Output(IReadOnlyList<ActionSpec> chain, Value result)
    {
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            result = resolver.Output(chain[i], result);
        }

        return result;
    }

    private static ActionSpec? Find(WorkflowDocument? document, string name)
    {
        if (document is null)
        {
            return null;
        }

        // A workbook's tasks may name its actions with or without the workbook prefix.
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return document.FindAction(name) ?? (dot > 0 ? document.FindAction(name[(dot + 1)..]) : null);
    }

    private async Task<WorkflowDocument?> DocumentAsync(string? executionId, CancellationToken cancellationToken)
    {
        if (executionId is null)
        {
            return null;
        }

        var text = await store.Durable.ExecuteAsync((tx, ct) => tx.GetDefinitionTextAsync(executionId, ct), cancellationToken).ConfigureAwait(false);
        return text is null ? null : WorkflowParser.Parse(text).Document;
    }
}
