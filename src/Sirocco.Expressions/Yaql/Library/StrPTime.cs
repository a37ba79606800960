using System.Globalization;
using Sirocco.Expressions.Yaql.Runtime;

namespace Sirocco.Expressions.Yaql.Library;

/// <summary>Python's <c>datetime.strptime</c> for the common directives; the result is UTC unless <c>%z</c> says otherwise.</summary>
internal static class StrPTime
{
    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;
    private static readonly string[] MonthAbbreviations = CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames;
    private static readonly string[] DayNames = CultureInfo.InvariantCulture.DateTimeFormat.DayNames;
    private static readonly string[] DayAbbreviations = CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedDayNames;

    public static DateTimeOffset Parse(string text, string format)
    {
        int year = 1900, month = 1, day = 1, hour = 0, minute = 0, second = 0, micro = 0;
        bool? pm = null;
        var offset = TimeSpan.Zero;
        var p = 0;
        for (var f = 0; f < format.Length; f++)
        {
            var c = format[f];
            if (c != '%' || f + 1 >= format.Length)
            {
                if (char.IsWhiteSpace(c))
                {
                    while (p < text.Length && char.IsWhiteSpace(text[p]))
                    {
                        p++;
                    }
                }
                else if (p < text.Length && text[p] == c)
                {
                    p++;
                }
                else
                {
                    throw Mismatch(text, format);
                }

                continue;
            }

            switch (format[++f])
            {
                case 'Y': year = Number(text, ref p, 4, text, format); break;
                case 'y': year = Number(text, ref p, 2, text, format) is var y && y < 69 ? 2000 + y : 1900 + y; break;
                case 'm': month = Number(text, ref p, 2, text, format); break;
                case 'd': day = Number(text, ref p, 2, text, format); break;
                case 'H': hour = Number(text, ref p, 2, text, format); break;
                case 'I': hour = Number(text, ref p, 2, text, format) % 12; break;
                case 'M': minute = Number(text, ref p, 2, text, format); break;
                case 'S': second = Number(text, ref p, 2, text, format); break;
                case 'f':
                    var start = p;
                    micro = Number(text, ref p, 6, text, format);
                    micro *= (int)Math.Pow(10, 6 - (p - start));
                    break;
                case 'j': _ = Number(text, ref p, 3, text, format); break;
                case 'p':
                    pm = Word(text, ref p, ["AM", "PM"], text, format) == 1;
                    break;
                case 'B': month = Word(text, ref p, MonthNames[..12], text, format) + 1; break;
                case 'b': month = Word(text, ref p, MonthAbbreviations[..12], text, format) + 1; break;
                case 'A': Word(text, ref p, DayNames, text, format); break;
                case 'a': Word(text, ref p, DayAbbreviations, text, format); break;
                case 'z':
                    if (p < text.Length && text[p] == 'Z')
                    {
                        p++;
                        break;
                    }

                    var sign = p < text.Length && text[p] == '-' ? -1 : 1;
                    p++;
                    var hh = Number(text, ref p, 2, text, format);
                    if (p < text.Length && text[p] == ':')
                    {
                        p++;
                    }

                    var mm = Number(text, ref p, 2, text, format);
                    offset = TimeSpan.FromMinutes(sign * ((hh * 60) + mm));
                    break;
                case '%':
                    if (p >= text.Length || text[p++] != '%')
                    {
                        throw Mismatch(text, format);
                    }

                    break;
                default:
                    throw YaqlException.ValueError($"'{format[f]}' is a bad directive in format '{format}'");
            }
        }

        if (p != text.Length)
        {
            throw YaqlException.ValueError($"unconverted data remains: {text[p..]}");
        }

        if (pm is { } afternoon)
        {
            hour = (hour % 12) + (afternoon ? 12 : 0);
        }

        try
        {
            return new DateTimeOffset(year, month, day, hour, minute, second, offset).AddTicks(micro * 10L);
        }
        catch (ArgumentException e)
        {
            throw YaqlException.ValueError(e.Message);
        }
    }

    private static int Number(string text, ref int p, int maxDigits, string all, string format)
    {
        var start = p;
        while (p < text.Length && p - start < maxDigits && char.IsAsciiDigit(text[p]))
        {
            p++;
        }

        return p > start ? int.Parse(text.AsSpan(start, p - start), CultureInfo.InvariantCulture) : throw Mismatch(all, format);
    }

    private static int Word(string text, ref int p, string[] words, string all, string format)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i].Length > 0 && string.Compare(text, p, words[i], 0, words[i].Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                p += words[i].Length;
                return i;
            }
        }

        throw Mismatch(all, format);
    }

    private static YaqlException Mismatch(string text, string format) =>
        YaqlException.ValueError($"time data '{text}' does not match format '{format}'");
}
