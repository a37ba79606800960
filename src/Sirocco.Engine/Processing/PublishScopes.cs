using Sirocco.Engine.State;
using Sirocco.Expressions.Values;
using Sirocco.Language.Model;

namespace Sirocco.Engine.Processing;

/// <summary>
/// The variables a completed task publishes, per scope, combined as Mistral does: <c>publish</c> (or
/// <c>publish-on-error</c>) and the <c>on-complete</c> clause's publish win over the publish of the
/// <c>on-success</c>/<c>on-error</c> clause. <c>atomic</c> publishes like <c>branch</c> (Mistral 15 accepts
/// the scope but drops it; see docs/semantics.md).
/// </summary>
internal sealed record PublishScopes(DictValue Branch, DictValue Global)
{
    public bool IsEmpty => Branch.Count == 0 && Global.Count == 0;

    public static PublishScopes For(TaskSpec spec, ExecutionState state)
    {
        var branch = state == ExecutionState.Success ? spec.Publish : state == ExecutionState.Error ? spec.PublishOnError : DictValue.Empty;
        var global = DictValue.Empty;
        if (spec.OnComplete?.Publish is { } onComplete)
        {
            branch = Merge(branch, Merge(onComplete.Branch, onComplete.Atomic));
            global = Merge(global, onComplete.Global);
        }

        var clause = state == ExecutionState.Success ? spec.OnSuccess : state == ExecutionState.Error ? spec.OnError : null;
        if (clause?.Publish is { } own)
        {
            branch = Merge(Merge(own.Branch, own.Atomic), branch);
            global = Merge(own.Global, global);
        }

        return new PublishScopes(branch, global);
    }

    private static DictValue Merge(DictValue left, DictValue right) => DataFlow.DeepMerge.Merge(left, right);
}
