using System.Globalization;
using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Yaql.Runtime;

/// <summary>A date-time (YAQL's are timezone-aware). Leaves the evaluator as <c>YYYY-MM-DDTHH:MM:SS.ffffff</c>.</summary>
internal sealed class YaqlDateTime(DateTimeOffset value) : Value
{
    public DateTimeOffset Value { get; } = value;

    public override ValueKind Kind => ValueKind.String;

    public override bool IsTruthy => true;

    /// <summary>The form Mistral stores (Python <c>isoformat</c> of the naive value, always with microseconds).</summary>
    public string StoredText => Value.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    public override bool Equals(Value? other) => other is YaqlDateTime d && d.Value == Value;

    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>Python <c>str()</c> of an aware datetime.</summary>
    public override string ToString()
    {
        var text = Value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var micro = Value.Ticks % TimeSpan.TicksPerSecond / 10;
        if (micro != 0)
        {
            text += "." + micro.ToString("000000", CultureInfo.InvariantCulture);
        }

        var offset = Value.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        offset = offset.Duration();
        return text + sign + offset.Hours.ToString("00", CultureInfo.InvariantCulture) + ":" + offset.Minutes.ToString("00", CultureInfo.InvariantCulture);
    }
}
