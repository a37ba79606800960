namespace Sirocco.Engine.State;

/// <summary>What a task execution runs: an action or a sub-workflow.</summary>
public enum TaskType
{
    /// <summary>Mistral's <c>ACTION</c>.</summary>
    Action,

    /// <summary>Mistral's <c>WORKFLOW</c>.</summary>
    Workflow,
}
