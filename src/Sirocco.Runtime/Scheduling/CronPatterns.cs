using System.Diagnostics.CodeAnalysis;
using Cronos;

namespace Sirocco.Runtime.Scheduling;

/// <summary>
/// Cron patterns as Mistral reads them (croniter): five fields, or six where the sixth is the
/// <em>seconds</em> (<c>* * * * * */10</c> fires every ten seconds). Cronos puts seconds first, so a
/// six-field pattern is reordered before parsing. Times are UTC.
/// </summary>
public static class CronPatterns
{
    /// <summary>Parses a pattern; false for a pattern croniter would refuse.</summary>
    public static bool TryParse(string pattern, [NotNullWhen(true)] out CronExpression? expression)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var fields = pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var (text, format) = fields.Length == 6
            ? (string.Join(' ', [fields[5], .. fields[..5]]), CronFormat.IncludeSeconds)
            : (pattern, CronFormat.Standard);
        return CronExpression.TryParse(text, format, out expression);
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, or null when the pattern never fires again.</summary>
    public static DateTimeOffset? Next(CronExpression expression, DateTimeOffset after)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return expression.GetNextOccurrence(after, TimeZoneInfo.Utc, inclusive: false);
    }
}
