using Sirocco.Engine.State;

namespace Sirocco.Engine.Changes;

/// <summary>The item lists of a with-items task, inserted once and never updated.</summary>
public sealed record TaskItemsCreated(TaskItems Items) : StateChange;
