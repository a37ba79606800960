using System.Text;
using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>Python's <c>str</c> methods.</summary>
internal static partial class Methods
{
    private static Value CallString(string s, string name, Arguments args, Frame frame)
    {
        switch (name)
        {
            case "upper": args.Bind(name); return Py.Str(PyString.Upper(s));
            case "lower" or "casefold": args.Bind(name); return Py.Str(PyString.Lower(s));
            case "title": args.Bind(name); return Py.Str(PyString.Title(s));
            case "capitalize": args.Bind(name); return Py.Str(PyString.Capitalize(s));
            case "swapcase":
                args.Bind(name);
                return Py.Str(string.Concat(s.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c))));
            case "strip" or "lstrip" or "rstrip":
                return Py.Str(Strip(s, OptionalString(args.Bind(name, "chars")[0]), name));
            case "split" or "rsplit":
                var split = args.Bind(name, "sep", "maxsplit");
                var parts = Split(s, OptionalString(split[0]), split[1] is null ? -1 : Filters.Int(split[1]!, 0), name == "rsplit");
                return new ListValue(parts.Select(p => (Value)new StringValue(p)));
            case "splitlines":
                var keep = args.Bind(name, "keepends")[0] is { } k && Py.Truthy(k);
                return new ListValue(SplitLines(s, keep).Select(p => (Value)new StringValue(p)));
            case "replace":
                var r = args.Bind(name, 2, "old", "new", "count");
                var replaced = Replace(s, RequireString(r[0]!), RequireString(r[1]!), r[2] is null ? -1 : Filters.Int(r[2]!, 0));
                frame.CheckSize(replaced.Length);
                return Py.Str(replaced);
            case "startswith" or "endswith":
                var affix = args.Bind(name, 1, name == "startswith" ? "prefix" : "suffix", "start", "end")[0]!;
                var candidates = affix is ListValue { IsTuple: true } tuple ? tuple.Select(RequireString) : [RequireString(affix)];
                return Value.From(candidates.Any(c => name == "startswith"
                    ? s.StartsWith(c, StringComparison.Ordinal)
                    : s.EndsWith(c, StringComparison.Ordinal)));
            case "find" or "rfind" or "index" or "rindex":
                var f = args.Bind(name, 1, "sub", "start", "end");
                var found = Find(s, RequireString(f[0]!), name.StartsWith('r'), f[1], f[2]);
                return found < 0 && name.Contains("index", StringComparison.Ordinal)
                    ? throw JinjaException.ValueError("substring not found")
                    : Py.Int(found);
            case "count":
                var sub = RequireString(args.Bind(name, 1, "sub")[0]!);
                return Py.Int(sub.Length == 0 ? PyString.Length(s) + 1 : CountOccurrences(s, sub));
            case "format":
                return Py.Str(BraceFormat.Format(s, args, frame));
            case "format_map":
                var mapping = args.Bind(name, 1, "mapping")[0] as DictValue ?? throw JinjaException.Type("format_map() argument must be a mapping");
                return Py.Str(BraceFormat.Format(s, new Arguments([], [.. mapping.Select(e => new KeyValuePair<string, Value>(Py.Str(e.Key), e.Value))]), frame));
            case "join":
                var items = Py.Iterate(args.Bind(name, 1, "iterable")[0]!);
                var strings = items.Select((item, i) => item is StringValue sv
                    ? sv.Value
                    : throw JinjaException.Type($"sequence item {i}: expected str instance, {Py.TypeName(item)} found"));
                var joined = string.Join(s, strings);
                frame.CheckSize(joined.Length);
                return Py.Str(joined);
            case "isdigit" or "isnumeric" or "isdecimal": args.Bind(name); return Value.From(PyString.IsDigit(s));
            case "isalpha": args.Bind(name); return Value.From(s.Length > 0 && s.All(char.IsLetter));
            case "isalnum": args.Bind(name); return Value.From(s.Length > 0 && s.All(char.IsLetterOrDigit));
            case "isspace": args.Bind(name); return Value.From(s.Length > 0 && s.All(PyString.IsSpace));
            case "isascii": args.Bind(name); return Value.From(s.All(char.IsAscii));
            case "islower": args.Bind(name); return Value.From(s.Any(char.IsLetter) && s == PyString.Lower(s));
            case "isupper": args.Bind(name); return Value.From(s.Any(char.IsLetter) && s == PyString.Upper(s));
            case "istitle": args.Bind(name); return Value.From(s.Any(char.IsLetter) && s == PyString.Title(s));
            case "isidentifier":
                args.Bind(name);
                return Value.From(s.Length > 0 && (char.IsLetter(s[0]) || s[0] == '_') && s.All(c => char.IsLetterOrDigit(c) || c == '_'));
            case "isprintable": args.Bind(name); return Value.From(!s.Any(char.IsControl));
            case "zfill":
                var width = Filters.Int(args.Bind(name, 1, "width")[0]!, 0);
                frame.CheckSize(width);
                var sign = s.Length > 0 && s[0] is '+' or '-' ? s[..1] : string.Empty;
                return Py.Str(sign + s[sign.Length..].PadLeft(Math.Max(0, width - sign.Length), '0'));
            case "ljust" or "rjust" or "center":
                var j = args.Bind(name, 1, "width", "fillchar");
                var fill = j[1] is null ? ' ' : RequireString(j[1]!) is { Length: 1 } fc ? fc[0]
                    : throw JinjaException.Type("The fill character must be exactly one character long");
                var w = Filters.Int(j[0]!, 0);
                frame.CheckSize(w);
                return Py.Str(Justify(s, name, w, fill));
            case "partition" or "rpartition":
                var sep = RequireString(args.Bind(name, 1, "sep")[0]!);
                if (sep.Length == 0)
                {
                    throw JinjaException.ValueError("empty separator");
                }

                var at = name == "partition" ? s.IndexOf(sep, StringComparison.Ordinal) : s.LastIndexOf(sep, StringComparison.Ordinal);
                string[] pieces = at < 0
                    ? name == "partition" ? [s, string.Empty, string.Empty] : [string.Empty, string.Empty, s]
                    : [s[..at], sep, s[(at + sep.Length)..]];
                return new ListValue(pieces.Select(p => (Value)new StringValue(p)), isTuple: true);
            case "removeprefix":
                var prefix = RequireString(args.Bind(name, 1, "prefix")[0]!);
                return Py.Str(s.StartsWith(prefix, StringComparison.Ordinal) ? s[prefix.Length..] : s);
            case "removesuffix":
                var suffix = RequireString(args.Bind(name, 1, "suffix")[0]!);
                return Py.Str(suffix.Length > 0 && s.EndsWith(suffix, StringComparison.Ordinal) ? s[..^suffix.Length] : s);
            case "expandtabs":
                var size = args.Bind(name, "tabsize")[0] is { } t ? Filters.Int(t, 0) : 8;
                return Py.Str(ExpandTabs(s, size));
            default:
                throw NotSupported(new StringValue(s), name);
        }
    }

    internal static string RequireString(Value value) => Py.Defined(value) is StringValue s
        ? s.Value
        : throw JinjaException.Type($"must be str, not {Py.TypeName(value)}");

    private static string? OptionalString(Value? value) => value is null or NullValue ? null : RequireString(value);

    internal static string Strip(string s, string? chars, string mode)
    {
        Func<char, bool> strip = chars is null ? PyString.IsSpace : chars.Contains;
        var start = 0;
        var end = s.Length;
        if (mode != "rstrip")
        {
            while (start < end && strip(s[start]))
            {
                start++;
            }
        }

        if (mode != "lstrip")
        {
            while (end > start && strip(s[end - 1]))
            {
                end--;
            }
        }

        return s[start..end];
    }

    internal static List<string> Split(string s, string? sep, int maxSplit, bool fromRight)
    {
        if (sep is { Length: 0 })
        {
            throw JinjaException.ValueError("empty separator");
        }

        List<string> parts;
        if (sep is null)
        {
            var words = s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
            if (maxSplit < 0 || words.Count <= maxSplit + 1)
            {
                return words;
            }

            // Whitespace split with a limit keeps the rest of the string (trimmed on the split side only).
            parts = [];
            var rest = fromRight ? s.TrimEnd() : s.TrimStart();
            for (var i = 0; i < maxSplit; i++)
            {
                rest = fromRight ? rest.TrimEnd() : rest.TrimStart();
                var cut = fromRight ? rest.LastIndexOfAny([' ', '\t', '\n', '\r', '\v', '\f']) : rest.IndexOfAny([' ', '\t', '\n', '\r', '\v', '\f']);
                parts.Add(fromRight ? rest[(cut + 1)..] : rest[..cut]);
                rest = fromRight ? rest[..cut] : rest[(cut + 1)..];
            }

            parts.Add(fromRight ? rest.TrimEnd() : rest.TrimStart());
            if (fromRight)
            {
                parts.Reverse();
            }

            return parts;
        }

        parts = [.. s.Split(sep)];
        if (maxSplit < 0 || parts.Count <= maxSplit + 1)
        {
            return parts;
        }

        return fromRight
            ? [string.Join(sep, parts.Take(parts.Count - maxSplit)), .. parts.Skip(parts.Count - maxSplit)]
            : [.. parts.Take(maxSplit), string.Join(sep, parts.Skip(maxSplit))];
    }

    private static List<string> SplitLines(string s, bool keepEnds)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] is '\n' or '\r' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029')
            {
                var end = i;
                if (s[i] == '\r' && i + 1 < s.Length && s[i + 1] == '\n')
                {
                    i++;
                }

                lines.Add(keepEnds ? s[start..(i + 1)] : s[start..end]);
                start = i + 1;
            }
        }

        if (start < s.Length)
        {
            lines.Add(s[start..]);
        }

        return lines;
    }

    internal static string Replace(string s, string old, string replacement, int count)
    {
        if (count < 0)
        {
            return old.Length == 0
                ? replacement + string.Join(replacement, PyString.CodePoints(s)) + (s.Length > 0 ? replacement : string.Empty)
                : s.Replace(old, replacement, StringComparison.Ordinal);
        }

        var builder = new StringBuilder();
        var pos = 0;
        for (var n = 0; n < count; n++)
        {
            var at = s.IndexOf(old, pos, StringComparison.Ordinal);
            if (at < 0 || old.Length == 0)
            {
                break;
            }

            builder.Append(s, pos, at - pos).Append(replacement);
            pos = at + old.Length;
        }

        return builder.Append(s, pos, s.Length - pos).ToString();
    }

    private static int Find(string s, string sub, bool last, Value? start, Value? end)
    {
        var length = s.Length;
        var from = start is null or NullValue ? 0 : Py.SliceIndices(length, Filters.Int(start, 0), null, 1).FirstOrDefault(length);
        var to = end is null or NullValue ? length : Math.Clamp(Filters.Int(end, 0) < 0 ? Filters.Int(end, 0) + length : Filters.Int(end, 0), 0, length);
        if (from > to)
        {
            return -1;
        }

        var window = s[from..to];
        var at = last ? window.LastIndexOf(sub, StringComparison.Ordinal) : window.IndexOf(sub, StringComparison.Ordinal);
        return at < 0 ? -1 : at + from;
    }

    private static int CountOccurrences(string s, string sub)
    {
        var count = 0;
        var pos = 0;
        while ((pos = s.IndexOf(sub, pos, StringComparison.Ordinal)) >= 0)
        {
            count++;
            pos += sub.Length;
        }

        return count;
    }

    internal static string Justify(string s, string mode, int width, char fill)
    {
        var length = PyString.Length(s);
        var margin = width - length;
        if (margin <= 0)
        {
            return s;
        }

        return mode switch
        {
            "ljust" => s + new string(fill, margin),
            "rjust" => new string(fill, margin) + s,
            _ => new string(fill, (margin / 2) + (margin & width & 1)) + s + new string(fill, margin - ((margin / 2) + (margin & width & 1))),
        };
    }

    private static string ExpandTabs(string s, int size)
    {
        var builder = new StringBuilder();
        var column = 0;
        foreach (var c in s)
        {
            if (c == '\t')
            {
                var spaces = size <= 0 ? 0 : size - (column % size);
                builder.Append(' ', spaces);
                column += spaces;
            }
            else
            {
                builder.Append(c);
                column = c is '\n' or '\r' ? 0 : column + 1;
            }
        }

        return builder.ToString();
    }
}
