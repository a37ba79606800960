namespace Sirocco.Engine.State;

/// <summary>
/// Counters of a <c>with-items</c> task. Constant size whatever the number of items, so each item
/// completion updates a few integers instead of scanning or copying the items (see docs/architecture.md).
/// </summary>
public sealed record WithItemsProgress
{
    /// <summary>How many items the task iterates over.</summary>
    public required int Count { get; init; }

    /// <summary>The index of the next item to start.</summary>
    public int NextIndex { get; init; }

    /// <summary>Items started and not finished.</summary>
    public int Running { get; init; }

    /// <summary>Items finished with success.</summary>
    public int Succeeded { get; init; }

    /// <summary>Items finished with an error.</summary>
    public int Failed { get; init; }

    /// <summary>Items cancelled.</summary>
    public int Cancelled { get; init; }

    /// <summary>How many items may run at once; 0 means all.</summary>
    public int Concurrency { get; init; }

    /// <summary>True when every item has finished.</summary>
    public bool IsFinished => Succeeded + Failed + Cancelled >= Count;
}
