namespace Sirocco.Language.Model;

/// <summary>
/// A task's <c>join</c>: <c>all</c> waits for every inbound task; a number (or <c>one</c>, which is 1)
/// fires once that many inbound transitions have arrived.
/// </summary>
/// <param name="Count">How many inbound transitions to wait for; null means all.</param>
public sealed record JoinSpec(int? Count)
{
    public static JoinSpec All { get; } = new((int?)null);

    public bool IsAll => Count is null;

    /// <summary>Where the <c>join</c> value is written.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.Start;
}
