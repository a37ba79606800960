using System.Globalization;
using System.Text;

namespace Sirocco.Expressions.Yaql.Syntax;

/// <summary>
/// The escape sequences YAQL decodes in quoted strings (Python's unicode-escape subset). Unknown
/// escapes such as <c>\d</c> stay as written, which is what makes regex patterns readable.
/// </summary>
internal static class StringEscapes
{
    public static string Decode(string raw)
    {
        if (!raw.Contains('\\', StringComparison.Ordinal))
        {
            return raw;
        }

        var builder = new StringBuilder(raw.Length);
        var i = 0;
        while (i < raw.Length)
        {
            var c = raw[i];
            if (c != '\\' || i + 1 >= raw.Length)
            {
                builder.Append(c);
                i++;
                continue;
            }

            var n = raw[i + 1];
            switch (n)
            {
                case '\\' or '\'' or '"':
                    builder.Append(n);
                    i += 2;
                    continue;
                case 'a':
                    builder.Append('\a');
                    i += 2;
                    continue;
                case 'b':
                    builder.Append('\b');
                    i += 2;
                    continue;
                case 'f':
                    builder.Append('\f');
                    i += 2;
                    continue;
                case 'n':
                    builder.Append('\n');
                    i += 2;
                    continue;
                case 'r':
                    builder.Append('\r');
                    i += 2;
                    continue;
                case 't':
                    builder.Append('\t');
                    i += 2;
                    continue;
                case 'v':
                    builder.Append('\v');
                    i += 2;
                    continue;
                case 'x' when TryHex(raw, i + 2, 2, out var x):
                    builder.Append((char)x);
                    i += 4;
                    continue;
                case 'u' when TryHex(raw, i + 2, 4, out var u):
                    builder.Append((char)u);
                    i += 6;
                    continue;
                case 'U' when TryHex(raw, i + 2, 8, out var big) && big <= 0x10FFFF:
                    // A lone surrogate is kept as one char, as Python keeps it; ConvertFromUtf32 would throw.
                    builder.Append(big is >= 0xD800 and <= 0xDFFF ? ((char)big).ToString() : char.ConvertFromUtf32(big));
                    i += 10;
                    continue;
                case >= '0' and <= '7':
                    var end = i + 1;
                    var value = 0;
                    while (end < raw.Length && end < i + 4 && raw[end] is >= '0' and <= '7')
                    {
                        value = (value * 8) + (raw[end] - '0');
                        end++;
                    }

                    builder.Append((char)value);
                    i = end;
                    continue;
                default:
                    builder.Append(c);
                    i++;
                    continue;
            }
        }

        return builder.ToString();
    }

    private static bool TryHex(string raw, int start, int length, out int value)
    {
        value = 0;
        return start + length <= raw.Length &&
            int.TryParse(raw.AsSpan(start, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }
}
