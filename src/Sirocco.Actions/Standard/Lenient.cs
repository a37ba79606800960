using System.Globalization;
using Sirocco.Expressions.Values;

namespace Sirocco.Actions.Standard;

/// <summary>Python's forgiving <c>int()</c>/<c>float()</c> as std.echo and std.sleep use them.</summary>
internal static class Lenient
{
    public static double ToSeconds(Value value, bool integral)
    {
        double seconds = value switch
        {
            IntValue i => (double)i.Value,
            FloatValue f => f.Value,
            BoolValue b => b.Value ? 1 : 0,
            StringValue s when integral && long.TryParse(s.Value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => l,
            StringValue s when !integral && double.TryParse(s.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => 0,
        };
        if (integral)
        {
            seconds = Math.Truncate(seconds);
        }

        return double.IsFinite(seconds) && seconds > 0 ? seconds : 0;
    }
}
