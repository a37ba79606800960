using System.Text;
using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql.Runtime;

namespace Sirocco.Expressions.Yaql.Library;

/// <summary>Python's <c>str.split</c>/<c>rsplit</c>, <c>strip</c>, <c>replace</c>, slicing and <c>find</c>.</summary>
internal static partial class StringFunctions
{
    private static Value Split(Invocation call, bool fromRight)
    {
        var text = call.Str(0);
        var separator = call.Count > 1 ? NullableStr(call, 1) : null;
        var max = call.Count > 2 ? call.SmallInt(2) : -1;
        List<string> parts;
        if (separator is null)
        {
            parts = SplitWhitespace(text, max, fromRight);
        }
        else if (separator.Length == 0)
        {
            throw YaqlException.ValueError("empty separator");
        }
        else if (max < 0)
        {
            parts = [.. text.Split(separator)];
        }
        else if (!fromRight)
        {
            parts = [.. text.Split(separator, max + 1)];
        }
        else
        {
            parts = [];
            var rest = text;
            while (parts.Count < max)
            {
                var at = rest.LastIndexOf(separator, StringComparison.Ordinal);
                if (at < 0)
                {
                    break;
                }

                parts.Insert(0, rest[(at + separator.Length)..]);
                rest = rest[..at];
            }

            parts.Insert(0, rest);
        }

        return PythonLists.Create(parts.Select(p => (Value)new StringValue(p)));
    }

    private static List<string> SplitWhitespace(string text, int max, bool fromRight)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (max < 0 || words.Count <= max + 1)
        {
            return words;
        }

        // With a limit, the remainder keeps its inner whitespace (Python semantics).
        if (!fromRight)
        {
            var result = new List<string>();
            var rest = text.TrimStart();
            for (var i = 0; i < max; i++)
            {
                var end = rest.IndexOfAny([' ', '\t', '\n', '\r', '\v', '\f']);
                result.Add(rest[..end]);
                rest = rest[end..].TrimStart();
            }

            result.Add(rest);
            return result;
        }

        var tail = new List<string>();
        var head = text.TrimEnd();
        for (var i = 0; i < max; i++)
        {
            var start = head.LastIndexOfAny([' ', '\t', '\n', '\r', '\v', '\f']);
            tail.Insert(0, head[(start + 1)..]);
            head = head[..start].TrimEnd();
        }

        tail.Insert(0, head);
        return tail;
    }

    private static string Strip(string text, string? chars, bool left, bool right)
    {
        var set = chars?.ToCharArray();
        if (set is null)
        {
            return left && right ? text.Trim() : left ? text.TrimStart() : text.TrimEnd();
        }

        return left && right ? text.Trim(set) : left ? text.TrimStart(set) : text.TrimEnd(set);
    }

    private static string Replace(string text, string old, string replacement, int count)
    {
        if (count < 0)
        {
            if (old.Length == 0)
            {
                var builder = new StringBuilder(replacement);
                foreach (var c in text)
                {
                    builder.Append(c).Append(replacement);
                }

                return builder.ToString();
            }

            return text.Replace(old, replacement, StringComparison.Ordinal);
        }

        var result = new StringBuilder();
        var position = 0;
        for (var done = 0; done < count && old.Length > 0; done++)
        {
            var at = text.IndexOf(old, position, StringComparison.Ordinal);
            if (at < 0)
            {
                break;
            }

            result.Append(text, position, at - position).Append(replacement);
            position = at + old.Length;
        }

        return result.Append(text, position, text.Length - position).ToString();
    }

    private static Value Substring(Invocation call)
    {
        // As the reference: a negative start counts from the end once, then Python slicing applies
        // (so a start still negative counts from the end again).
        var text = call.Str(0);
        long start = call.SmallInt(1);
        long length = call.Count > 2 ? call.SmallInt(2) : -1;
        if (length < 0)
        {
            length = text.Length;
        }

        if (start < 0)
        {
            start += text.Length;
        }

        return new StringValue(PythonSlice(text, start, start + length));
    }

    private static string PythonSlice(string text, long start, long stop)
    {
        static long Clamp(long index, int length) => index < 0 ? Math.Max(0, index + length) : Math.Min(index, length);
        var from = Clamp(start, text.Length);
        var to = Clamp(stop, text.Length);
        return to <= from ? string.Empty : text[(int)from..(int)to];
    }

    private static long Find(Invocation call, bool last)
    {
        var text = call.Str(0);
        var sub = call.Str(1);
        var start = call.Count > 2 ? call.SmallInt(2) : 0;
        if (start < 0)
        {
            start = Math.Max(0, text.Length + start);
        }

        var end = call.Count > 3 ? (int)Math.Min((long)start + call.SmallInt(3), text.Length) : text.Length;
        if (start > text.Length || end < start)
        {
            return -1;
        }

        var window = text[start..end];
        var at = last ? window.LastIndexOf(sub, StringComparison.Ordinal) : window.IndexOf(sub, StringComparison.Ordinal);
        return at < 0 ? -1 : at + start;
    }
}
