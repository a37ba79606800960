namespace Sirocco.Runtime.Tests.Crash;

/// <summary>
/// Time that runs <see cref="Factor"/> times faster than the wall clock from a fixed anchor, the same in
/// every process given the same anchor: Mistral's waits and retry delays are whole seconds, and the crash
/// test wants many of them in a short run. Timer rows written by one server incarnation keep their
/// meaning for the next.
/// </summary>
internal sealed class ScaledClock(DateTimeOffset anchor) : TimeProvider
{
    public const int Factor = 10;

    public override DateTimeOffset GetUtcNow() => anchor + ((System.GetUtcNow() - anchor) * Factor);
}
