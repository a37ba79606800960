using Sirocco.Engine.Changes;
using Sirocco.Engine.Commands;

namespace Sirocco.Engine;

/// <summary>What the engine decided for one event: row changes to store and commands to send, both in order.</summary>
public sealed record Decision(IReadOnlyList<StateChange> Changes, IReadOnlyList<EngineCommand> Commands)
{
    /// <summary>Why the event was refused (an invalid state transition such as resuming a finished execution); null when accepted.</summary>
    public string? Rejection { get; init; }

    public static Decision Empty { get; } = new([], []);
}
