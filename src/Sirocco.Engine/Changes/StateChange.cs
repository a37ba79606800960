namespace Sirocco.Engine.Changes;

/// <summary>
/// One row-level change a decision makes: an insert or an update of one execution, task execution,
/// action execution or item list. The runtime applies them in order, in one transaction.
/// </summary>
public abstract record StateChange;
