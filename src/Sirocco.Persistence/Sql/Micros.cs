namespace Sirocco.Persistence.Sql;

/// <summary>
/// Times are stored as microseconds since the Unix epoch (BIGINT) in every dialect: the same SQL
/// compares and sorts them everywhere, and no driver-specific date handling leaks into the queries.
/// </summary>
internal static class Micros
{
    public static long From(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.Ticks) / 10;

    public static long? From(DateTimeOffset? time) => time is { } t ? From(t) : null;

    public static DateTimeOffset To(long micros) => new(DateTimeOffset.UnixEpoch.Ticks + (micros * 10), TimeSpan.Zero);

    public static DateTimeOffset? To(long? micros) => micros is { } m ? To(m) : null;

    /// <summary>The time as a row gives it back: cut to the microsecond.</summary>
    public static DateTimeOffset Stored(DateTimeOffset time) => To(From(time));

    /// <inheritdoc cref="Stored(DateTimeOffset)"/>
    public static DateTimeOffset? Stored(DateTimeOffset? time) => To(From(time));
}
