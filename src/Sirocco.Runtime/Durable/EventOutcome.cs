namespace Sirocco.Runtime.Durable;

/// <summary>What became of one submitted event, known once its transaction committed.</summary>
public enum EventOutcome
{
    /// <summary>Decided and stored.</summary>
    Applied,

    /// <summary>The engine refused it (e.g. resuming a finished execution); the reason is in the history.</summary>
    Rejected,

    /// <summary>A repeat of something already applied (a second start, a timer already fired); nothing changed.</summary>
    Duplicate,

    /// <summary>No such execution.</summary>
    NotFound,
}
