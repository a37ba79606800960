namespace Sirocco.Transport.RabbitMq;

/// <summary>Exponential back-off with jitter, so that many nodes do not reconnect in lock step.</summary>
internal static class Backoff
{
    public static TimeSpan Delay(int attempt, TimeSpan min, TimeSpan max)
    {
        var exponent = Math.Min(Math.Max(attempt, 0), 20);
        var ceiling = Math.Min(max.TotalMilliseconds, min.TotalMilliseconds * Math.Pow(2, exponent));
        // "Equal jitter": half fixed, half random — never shorter than half the step.
#pragma warning disable CA5394 // Jitter needs no cryptographic randomness.
        var jittered = (ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2);
#pragma warning restore CA5394
        return TimeSpan.FromMilliseconds(Math.Max(min.TotalMilliseconds, jittered));
    }
}
