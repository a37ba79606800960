using System.Globalization;
using System.Text;
using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>
/// Python strings count code points, .NET strings count UTF-16 units. These helpers index by code
/// point, with a fast path for the usual strings that hold no surrogate pair.
/// </summary>
internal static class PyString
{
    public static bool IsSimple(string text) => !text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF');

    public static int Length(string text) => IsSimple(text) ? text.Length : text.EnumerateRunes().Count();

    public static string[] CodePoints(string text) =>
        IsSimple(text) ? [.. text.Select(c => c.ToString())] : [.. text.EnumerateRunes().Select(r => r.ToString())];

    public static IReadOnlyList<Value> Chars(string text) => [.. CodePoints(text).Select(c => (Value)new StringValue(c))];

    /// <summary>Python's <c>s[i]</c>; null when out of range.</summary>
    public static string? At(string text, long index)
    {
        var points = IsSimple(text) ? null : CodePoints(text);
        var length = points?.Length ?? text.Length;
        if (index < 0)
        {
            index += length;
        }

        if (index < 0 || index >= length)
        {
            return null;
        }

        return points is null ? text[(int)index].ToString() : points[index];
    }

    public static string Slice(string text, int? start, int? stop, int? step)
    {
        var points = CodePoints(text);
        var builder = new StringBuilder();
        foreach (var i in Py.SliceIndices(points.Length, start, stop, step))
        {
            builder.Append(points[i]);
        }

        return builder.ToString();
    }

    /// <summary>Python compares strings by code point; UTF-16 order differs only around surrogates.</summary>
    public static int CompareOrdinal(string a, string b)
    {
        if (IsSimple(a) && IsSimple(b))
        {
            return Math.Sign(string.CompareOrdinal(a, b));
        }

        var x = a.EnumerateRunes().GetEnumerator();
        var y = b.EnumerateRunes().GetEnumerator();
        while (true)
        {
            var hasX = x.MoveNext();
            var hasY = y.MoveNext();
            if (!hasX || !hasY)
            {
                return hasX.CompareTo(hasY);
            }

            var c = x.Current.Value.CompareTo(y.Current.Value);
            if (c != 0)
            {
                return c;
            }
        }
    }

    public static string Reverse(string text)
    {
        var points = CodePoints(text);
        Array.Reverse(points);
        return string.Concat(points);
    }

    /// <summary>Python's <c>str.isspace</c> set (Unicode whitespace).</summary>
    public static bool IsSpace(char c) => char.IsWhiteSpace(c) || c is '\x1c' or '\x1d' or '\x1e' or '\x1f';

    public static string Upper(string text) => text.ToUpperInvariant().Replace("ß", "SS", StringComparison.Ordinal);

    public static string Lower(string text) => text.ToLowerInvariant();

    public static string Capitalize(string text) =>
        text.Length == 0 ? text : Upper(text[..1]) + Lower(text[1..]);

    /// <summary>Python's <c>str.title</c>: a letter after a non-letter is upper-cased, other letters lower-cased.</summary>
    public static string Title(string text)
    {
        var builder = new StringBuilder(text.Length);
        var previousCased = false;
        foreach (var c in text)
        {
            builder.Append(previousCased ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c));
            previousCased = char.IsLetter(c);
        }

        return builder.ToString();
    }

    public static bool IsDigit(string text) =>
        text.Length > 0 && text.All(c => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DecimalDigitNumber);
}
