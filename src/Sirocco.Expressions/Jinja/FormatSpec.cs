using System.Globalization;

namespace Sirocco.Expressions.Jinja;

/// <summary>A parsed Python format spec: <c>[[fill]align][sign][#][0][width][,|_][.precision][type]</c>.</summary>
internal sealed record FormatSpec(char Fill, char? AlignChar, char Sign, bool Alternate, bool ZeroPad, int Width, char? Grouping, int? Precision, char? Type)
{
    /// <summary>The widest field (and longest precision) allowed, as in <see cref="PercentFormat"/>.</summary>
    private const int MaxWidth = 1_000_000;

    public static FormatSpec Parse(string spec)
    {
        var i = 0;
        var fill = ' ';
        char? align = null;
        if (spec.Length >= 2 && spec[1] is '<' or '>' or '^' or '=')
        {
            fill = spec[0];
            align = spec[1];
            i = 2;
        }
        else if (spec.Length >= 1 && spec[0] is '<' or '>' or '^' or '=')
        {
            align = spec[0];
            i = 1;
        }

        var sign = '-';
        if (i < spec.Length && spec[i] is '+' or '-' or ' ')
        {
            sign = spec[i++];
        }

        var alternate = false;
        if (i < spec.Length && spec[i] == '#')
        {
            alternate = true;
            i++;
        }

        var zero = false;
        if (i < spec.Length && spec[i] == '0')
        {
            zero = true;
            i++;
        }

        var width = ReadInt(spec, ref i) ?? 0;
        char? grouping = null;
        if (i < spec.Length && spec[i] is ',' or '_')
        {
            grouping = spec[i++];
        }

        int? precision = null;
        if (i < spec.Length && spec[i] == '.')
        {
            i++;
            precision = ReadInt(spec, ref i) ?? throw JinjaException.ValueError("Format specifier missing precision");
        }

        char? type = i < spec.Length ? spec[i++] : null;
        if (i < spec.Length)
        {
            throw JinjaException.ValueError("Invalid format specifier");
        }

        return new FormatSpec(fill, align, sign, alternate, zero, width, grouping, precision, type);
    }

    public string SignOf(bool negative) => negative ? "-" : Sign == '+' ? "+" : Sign == ' ' ? " " : string.Empty;

    /// <summary>Pads <paramref name="sign"/> + <paramref name="body"/> to the width; zero padding goes after the sign.</summary>
    public string Align(string sign, string body, char defaultAlign)
    {
        var length = sign.Length + body.Length;
        if (length >= Width)
        {
            return sign + body;
        }

        var padding = Width - length;
        var align = AlignChar ?? (ZeroPad ? '=' : defaultAlign);
        var fill = AlignChar is null && ZeroPad ? '0' : Fill;
        return align switch
        {
            '<' => sign + body + new string(fill, padding),
            '^' => new string(fill, padding / 2) + sign + body + new string(fill, padding - (padding / 2)),
            '=' => sign + new string(fill, padding) + body,
            _ => new string(fill, padding) + sign + body,
        };
    }

    private static int? ReadInt(string spec, ref int i)
    {
        var start = i;
        while (i < spec.Length && char.IsAsciiDigit(spec[i]))
        {
            i++;
        }

        if (i == start)
        {
            return null;
        }

        // Found by fuzzing: int.Parse overflowed on a long run of digits. Python: too many digits for an index is a
        // ValueError; a width that fits but cannot be allocated is its MemoryError, a limit here as in '%' formats.
        if (!long.TryParse(spec[start..i], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            throw JinjaException.ValueError("Too many decimal digits in format string");
        }

        return number <= MaxWidth ? (int)number : throw JinjaException.ValueError("width too big");
    }
}
