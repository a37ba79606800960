using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Yaql.Runtime;

/// <summary>
/// <c>receiver.name</c>: a dictionary key (missing key is an error, not null), the same attribute of
/// every item of a collection, or a date-time/interval property. Anything else has no such property.
/// </summary>
internal static class Properties
{
    public static Value Get(Value receiver, StringValue key, EvalContext context)
    {
        var name = key.Value;
        switch (receiver)
        {
            case DictValue dict:
                return dict.TryGetValue(key, out var found) ? found : throw YaqlException.KeyNotFound("'" + key.Value + "'");
            case ListValue or YaqlSet or YaqlLazy or YaqlOrdered:
                return Sequences.Result(Sequences.Enumerate(receiver).Select(item => Get(item, key, context)));
            case YaqlDateTime dateTime when DateTimeProperty(dateTime, name) is { } value:
                return value;
            case YaqlTimeSpan span when TimeSpanProperty(span.Value, name) is { } value:
                return value;
            default:
                throw YaqlException.UnknownFunction("#property#" + name);
        }
    }

    private static Value? DateTimeProperty(YaqlDateTime dateTime, string name)
    {
        var d = dateTime.Value;
        return name switch
        {
            "year" => Value.From(d.Year),
            "month" => Value.From(d.Month),
            "day" => Value.From(d.Day),
            "hour" => Value.From(d.Hour),
            "minute" => Value.From(d.Minute),
            "second" => Value.From(d.Second),
            "microsecond" => Value.From(d.Ticks % TimeSpan.TicksPerSecond / 10),
            "weekday" => Value.From(((int)d.DayOfWeek + 6) % 7),
            "date" => new YaqlDateTime(new DateTimeOffset(d.Date, d.Offset)),
            "time" => new YaqlTimeSpan(d.TimeOfDay),
            "offset" => new YaqlTimeSpan(d.Offset),
            "timestamp" => Value.From((d - DateTimeOffset.UnixEpoch).TotalSeconds),
            "utc" => new YaqlDateTime(d.ToUniversalTime()),
            _ => null,
        };
    }

    private static Value? TimeSpanProperty(TimeSpan span, string name) => name switch
    {
        "days" => Value.From(span.TotalDays),
        "hours" => Value.From(span.TotalHours),
        "minutes" => Value.From(span.TotalMinutes),
        "seconds" => Value.From(span.TotalSeconds),
        "milliseconds" => Value.From(span.TotalMilliseconds),
        "microseconds" => Value.From(span.Ticks / 10.0),
        _ => null,
    };
}
