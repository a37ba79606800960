namespace Sirocco.Language.Model;

/// <summary>How a workflow's tasks are ordered.</summary>
public enum WorkflowType
{
    /// <summary>Tasks follow <c>on-success</c>/<c>on-error</c>/<c>on-complete</c> transitions (the default).</summary>
    Direct,

    /// <summary>Tasks declare what they <c>requires</c>; a run names the target task.</summary>
    Reverse,
}
