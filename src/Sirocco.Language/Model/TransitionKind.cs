namespace Sirocco.Language.Model;

/// <summary>What a transition does. Engine commands win over a task of the same name, as in Mistral.</summary>
public enum TransitionKind
{
    /// <summary>Start the named task.</summary>
    Task,

    /// <summary><c>noop</c>: do nothing (ends the branch without error).</summary>
    Noop,

    /// <summary><c>fail</c>: fail the workflow (optional <c>msg</c>).</summary>
    Fail,

    /// <summary><c>succeed</c>: succeed the workflow (optional <c>msg</c>).</summary>
    Succeed,

    /// <summary><c>pause</c>: pause the workflow (optional <c>msg</c>).</summary>
    Pause,
}
