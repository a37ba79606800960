namespace Sirocco.Transport.Queues;

/// <summary>How a runner saw an action call end.</summary>
public enum ActionResultKind
{
    /// <summary>The action succeeded; the value is its output.</summary>
    Success,

    /// <summary>The action failed, threw, timed out or could not be started; the value is the error.</summary>
    Error,

    /// <summary>A delegate: the action execution stays RUNNING until completed through the API.</summary>
    Pending,

    /// <summary>The action was cancelled on request before it finished.</summary>
    Cancelled,
}
