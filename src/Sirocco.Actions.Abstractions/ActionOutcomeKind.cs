namespace Sirocco.Actions.Abstractions;

/// <summary>How an action call ended.</summary>
public enum ActionOutcomeKind
{
    /// <summary>Finished with an output.</summary>
    Success,

    /// <summary>Failed; the value describes the error.</summary>
    Error,

    /// <summary>A delegate: the work continues elsewhere and is completed later through the API.</summary>
    Pending,
}
