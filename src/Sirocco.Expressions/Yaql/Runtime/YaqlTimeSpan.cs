using System.Globalization;
using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Yaql.Runtime;

/// <summary>A time interval (Python timedelta).</summary>
internal sealed class YaqlTimeSpan(TimeSpan value) : Value
{
    public TimeSpan Value { get; } = value;

    public override ValueKind Kind => ValueKind.String;

    public override bool IsTruthy => Value != TimeSpan.Zero;

    public override bool Equals(Value? other) => other is YaqlTimeSpan t && t.Value == Value;

    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>Python <c>str()</c> of a timedelta: <c>[D day[s], ]H:MM:SS[.ffffff]</c>.</summary>
    public override string ToString()
    {
        var ticks = Value.Ticks;
        var days = (long)Math.Floor(ticks / (double)TimeSpan.TicksPerDay);
        var rest = TimeSpan.FromTicks(ticks - (days * TimeSpan.TicksPerDay));
        var text = string.Create(CultureInfo.InvariantCulture, $"{(int)rest.TotalHours}:{rest.Minutes:00}:{rest.Seconds:00}");
        var micro = rest.Ticks % TimeSpan.TicksPerSecond / 10;
        if (micro != 0)
        {
            text += "." + micro.ToString("000000", CultureInfo.InvariantCulture);
        }

        return days == 0 ? text : string.Create(CultureInfo.InvariantCulture, $"{days} day{(Math.Abs(days) == 1 ? string.Empty : "s")}, {text}");
    }
}
