using System.Globalization;
using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql.Runtime;

namespace Sirocco.Expressions.Yaql.Library;

/// <summary>
/// Date-times and intervals. YAQL's date-times are timezone-aware and default to UTC; arithmetic
/// with intervals goes through the operators.
/// </summary>
internal static class DateTimeFunctions
{
    private static readonly string[] CompactFormats = ["yyyyMMdd", "yyyyMMdd'T'HHmmss", "yyyyMMddHHmmss"];

    private static readonly string[] Names = ["year", "month", "day", "hour", "minute", "second", "microsecond", "offset"];

    public static void Register(FunctionRegistry r)
    {
        r.Add("datetime", CallForm.Function, 1, 8, FromParts, acceptsNamed: true);
        r.Add("datetime", CallForm.Function, 1, 2, FromString);
        r.Add("datetime", CallForm.Function, 1, 2, call =>
        {
            var seconds = call.Number(0);
            var offset = call.Count > 1 ? call[1] as YaqlTimeSpan ?? throw Invocation.NoMatch : null;
            var utc = DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
            return new YaqlDateTime(offset is null ? utc : utc.ToOffset(offset.Value));
        });
        r.Add("datetime", CallForm.Function, 0, 0, FromParts, acceptsNamed: true);
        r.Add("timespan", CallForm.Function, 0, 0, call =>
        {
            double Part(string name) => call.Named(name) switch
            {
                null => 0,
                IntValue v => (double)v.Value,
                _ => throw Invocation.NoMatch,
            };
            var ticks = (Part("days") * TimeSpan.TicksPerDay) + (Part("hours") * TimeSpan.TicksPerHour) +
                (Part("minutes") * TimeSpan.TicksPerMinute) + (Part("seconds") * TimeSpan.TicksPerSecond) +
                (Part("milliseconds") * TimeSpan.TicksPerMillisecond) + (Part("microseconds") * 10);
            return Math.Abs(ticks) < TimeSpan.MaxValue.Ticks
                ? new YaqlTimeSpan(TimeSpan.FromTicks((long)Math.Round(ticks)))
                : throw new YaqlException("overflow", "timespan out of range");
        }, acceptsNamed: true);
        r.Add("now", CallForm.Function, 0, 1, call =>
        {
            var offset = call.Count > 0 ? call[0] : call.Named("offset");
            var now = call.Context.Options.TimeProvider.GetUtcNow();
            return new YaqlDateTime(offset is YaqlTimeSpan span ? now.ToOffset(span.Value) : now);
        }, acceptsNamed: true);
        r.Add("utctz", CallForm.Function, 0, 0, _ => new YaqlTimeSpan(TimeSpan.Zero));
        r.Add("localtz", CallForm.Function, 0, 0, call =>
        {
            var clock = call.Context.Options.TimeProvider;
            return new YaqlTimeSpan(clock.LocalTimeZone.GetUtcOffset(clock.GetUtcNow()));
        });
        r.Add("isDatetime", CallForm.Function, 1, 1, call => Value.From(call[0] is YaqlDateTime));
        r.Add("isTimespan", CallForm.Function, 1, 1, call => Value.From(call[0] is YaqlTimeSpan));
        r.Add("format", CallForm.Method, 2, 2, call => call[0] is YaqlDateTime d
            ? new StringValue(StrFTime(d.Value, call.Str(1)))
            : throw Invocation.NoMatch);
    }

    private static Value FromParts(Invocation call)
    {
        if (call.Count > 0 && call[0] is not IntValue)
        {
            throw Invocation.NoMatch;
        }

        var parts = new Value?[Names.Length];
        for (var i = 0; i < call.Count; i++)
        {
            parts[i] = call[i];
        }

        foreach (var named in call.NamedArguments)
        {
            var index = Array.IndexOf(Names, named.Name);
            parts[index >= 0 ? index : throw Invocation.NoMatch] = named.Value.Evaluate(call.Context, call.Scope);
        }

        int Part(int index, int fallback) => parts[index] switch
        {
            null => fallback,
            IntValue v => (int)v.Value,
            _ => throw Invocation.NoMatch,
        };

        if (parts[0] is null || parts[1] is null || parts[2] is null)
        {
            throw Invocation.NoMatch;
        }

        var offset = parts[7] switch
        {
            null => TimeSpan.Zero,
            YaqlTimeSpan t => t.Value,
            _ => throw Invocation.NoMatch,
        };
        try
        {
            var date = new DateTime(Part(0, 1), Part(1, 1), Part(2, 1), Part(3, 0), Part(4, 0), Part(5, 0), DateTimeKind.Unspecified)
                .AddTicks(Part(6, 0) * 10L);
            return new YaqlDateTime(new DateTimeOffset(date, offset));
        }
        catch (ArgumentException e)
        {
            throw YaqlException.ValueError(e.Message);
        }
    }

    private static Value FromString(Invocation call)
    {
        var text = call.Str(0);
        if (call.Count > 1)
        {
            return new YaqlDateTime(StrPTime.Parse(text, call.Str(1)));
        }

        if (DateTime.TryParseExact(text.Trim(), CompactFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var compact))
        {
            return new YaqlDateTime(new DateTimeOffset(compact, TimeSpan.Zero));
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var value))
        {
            var hasZone = text.EndsWith('Z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"[+-]\d\d:?\d\d$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
            return new YaqlDateTime(hasZone ? value : new DateTimeOffset(value.UtcDateTime, TimeSpan.Zero));
        }

        throw YaqlException.ValueError($"Unknown string format: {text}");
    }

    private static string StrFTime(DateTimeOffset d, string format)
    {
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || i + 1 >= format.Length)
            {
                builder.Append(format[i]);
                continue;
            }

            var c = format[++i];
            builder.Append(c switch
            {
                'Y' => d.Year.ToString("0000", CultureInfo.InvariantCulture),
                'm' => d.Month.ToString("00", CultureInfo.InvariantCulture),
                'd' => d.Day.ToString("00", CultureInfo.InvariantCulture),
                'H' => d.Hour.ToString("00", CultureInfo.InvariantCulture),
                'M' => d.Minute.ToString("00", CultureInfo.InvariantCulture),
                'S' => d.Second.ToString("00", CultureInfo.InvariantCulture),
                'f' => (d.Ticks % TimeSpan.TicksPerSecond / 10).ToString("000000", CultureInfo.InvariantCulture),
                'y' => (d.Year % 100).ToString("00", CultureInfo.InvariantCulture),
                'j' => d.DayOfYear.ToString("000", CultureInfo.InvariantCulture),
                'a' => d.ToString("ddd", CultureInfo.InvariantCulture),
                'A' => d.ToString("dddd", CultureInfo.InvariantCulture),
                'b' => d.ToString("MMM", CultureInfo.InvariantCulture),
                'B' => d.ToString("MMMM", CultureInfo.InvariantCulture),
                'z' => (d.Offset < TimeSpan.Zero ? "-" : "+") + d.Offset.Duration().ToString("hhmm", CultureInfo.InvariantCulture),
                '%' => "%",
                _ => "%" + c,
            });
        }

        return builder.ToString();
    }
}
