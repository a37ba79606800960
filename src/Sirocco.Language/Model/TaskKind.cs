namespace Sirocco.Language.Model;

/// <summary>What a task runs.</summary>
public enum TaskKind
{
    /// <summary>An action (<c>std.noop</c> when the task names neither an action nor a workflow, as in Mistral).</summary>
    Action,

    /// <summary>A sub-workflow.</summary>
    Workflow,
}
