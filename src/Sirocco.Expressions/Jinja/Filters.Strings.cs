using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>String filters: case, whitespace, escaping, formatting, wrapping, JSON.</summary>
internal static partial class Filters
{
    [GeneratedRegex(@"(<!--.*?-->|<[^>]*>)", RegexOptions.Singleline)]
    private static partial Regex Tags();

    [GeneratedRegex(@"\w+")]
    private static partial Regex Words();

    private static void AddStringFilters(Dictionary<string, Filter> f)
    {
        f["upper"] = (v, a, _) => NoArgs("upper", a, Py.Str(PyString.Upper(Text(v))));
        f["lower"] = (v, a, _) => NoArgs("lower", a, Py.Str(PyString.Lower(Text(v))));
        f["capitalize"] = (v, a, _) => NoArgs("capitalize", a, Py.Str(PyString.Capitalize(Text(v))));
        f["title"] = (v, a, _) => NoArgs("title", a, Py.Str(TitleWords(Text(v))));
        f["trim"] = (v, a, _) =>
        {
            var chars = a.Bind("trim", "chars")[0];
            return Py.Str(Methods.Strip(Text(v), chars is null or NullValue ? null : Text(chars), "strip"));
        };
        f["string"] = (v, a, _) => NoArgs("string", a, Py.Str(Text(v)));
        f["safe"] = f["string"];
        f["e"] = (v, a, _) => NoArgs("escape", a, Py.Str(Escape(Text(v))));
        f["escape"] = f["e"];
        f["forceescape"] = f["e"];
        f["striptags"] = (v, a, _) => NoArgs("striptags", a, Py.Str(StripTags(Text(v))));
        f["wordcount"] = (v, a, _) => NoArgs("wordcount", a, Py.Int(Words().Count(Text(v))));
        f["replace"] = (v, a, frame) =>
        {
            var b = a.Bind("replace", 2, "old", "new", "count");
            var result = Methods.Replace(Text(v), Text(b[0]!), Text(b[1]!), b[2] is null or NullValue ? -1 : Int(b[2], -1));
            frame.CheckSize(result.Length);
            return Py.Str(result);
        };
        f["center"] = (v, a, frame) =>
        {
            var width = Int(a.Bind("center", "width")[0], 80);
            frame.CheckSize(width);
            return Py.Str(Methods.Justify(Text(v), "center", width, ' '));
        };
        f["indent"] = (v, a, _) => Indent(Text(v), a);
        f["truncate"] = (v, a, _) => Truncate(Text(v), a);
        f["wordwrap"] = (v, a, _) => WordWrap(Text(v), a);
        f["format"] = (v, a, frame) =>
        {
            if (a.Positional.Count > 0 && a.Named.Count > 0)
            {
                throw JinjaException.ValueError("can't handle positional and keyword arguments at the same time");
            }

            Value args = a.Named.Count > 0
                ? DictValue.From(a.Named.Select(n => new KeyValuePair<string, Value>(n.Key, n.Value)))
                : new ListValue(a.Positional, isTuple: true);
            return Py.Str(PercentFormat.Format(Text(v), args, frame));
        };
        f["tojson"] = (v, a, _) =>
        {
            var indent = a.Bind("tojson", "indent")[0];
            var json = PyJson.Dumps(v, indent is null or NullValue ? null : Int(indent, 0), sortKeys: true);
            return Py.Str(json.Replace("<", "\\u003c", StringComparison.Ordinal).Replace(">", "\\u003e", StringComparison.Ordinal)
                .Replace("&", "\\u0026", StringComparison.Ordinal).Replace("'", "\\u0027", StringComparison.Ordinal));
        };
        f["pprint"] = (v, a, _) => NoArgs("pprint", a, Py.Str(PythonText.Repr(Py.Defined(v))));
        f["urlencode"] = (v, a, _) => NoArgs("urlencode", a, Py.Str(UrlEncode(v)));
        f["xmlattr"] = (v, a, _) => XmlAttr(v, a);
        f["filesizeformat"] = (v, a, _) => FileSize(v, Flag(a.Bind("filesizeformat", "binary")[0]));
    }

    /// <summary>Jinja's <c>title</c> capitalises after spaces, dashes and opening brackets only (unlike <c>str.title</c>).</summary>
    private static string TitleWords(string text) =>
        string.Concat(WordBeginnings().Split(text).Where(p => p.Length > 0).Select(p => PyString.Upper(p[..1]) + PyString.Lower(p[1..])));

    [GeneratedRegex(@"([-\s({\[<]+)")]
    private static partial Regex WordBeginnings();

    private static Value NoArgs(string name, Arguments args, Value result)
    {
        args.Bind(name);
        return result;
    }

    internal static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&#34;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);

    private static string StripTags(string text)
    {
        var stripped = WebUtility.HtmlDecode(Tags().Replace(text, string.Empty));
        return string.Join(' ', stripped.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static Value Indent(string text, Arguments args)
    {
        var b = args.Bind("indent", "width", "first", "blank");
        var indentation = b[0] is StringValue s ? s.Value : new string(' ', Int(b[0], 4));
        text += "\n";
        var lines = SplitLinesForIndent(text);
        string result;
        if (Flag(b[2]))
        {
            result = string.Join("\n" + indentation, lines);
        }
        else
        {
            result = lines[0];
            if (lines.Count > 1)
            {
                result += "\n" + string.Join("\n", lines.Skip(1).Select(l => l.Length > 0 ? indentation + l : l));
            }
        }

        return Py.Str(Flag(b[1]) ? indentation + result : result);
    }

    private static List<string> SplitLinesForIndent(string text)
    {
        var lines = text.Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    private static Value Truncate(string text, Arguments args)
    {
        var b = args.Bind("truncate", "length", "killwords", "end", "leeway");
        var length = Int(b[0], 255);
        var end = b[2] is null ? "..." : Text(b[2]!);
        var leeway = b[3] is null or NullValue ? 5 : Int(b[3], 5);
        if (length < end.Length)
        {
            throw new JinjaException(ErrorCategories.Assertion, $"expected length >= {end.Length}, got {length}");
        }

        if (leeway < 0)
        {
            throw new JinjaException(ErrorCategories.Assertion, $"expected leeway >= 0, got {leeway}");
        }

        var points = PyString.CodePoints(text);
        if (points.Length <= length + leeway)
        {
            return Py.Str(text);
        }

        var head = string.Concat(points.Take(length - end.Length));
        if (Flag(b[1]))
        {
            return Py.Str(head + end);
        }

        var space = head.LastIndexOf(' ');
        return Py.Str((space >= 0 ? head[..space] : head) + end);
    }

    /// <summary>Python's <c>textwrap.wrap</c> per line, as Jinja's <c>wordwrap</c> uses it.</summary>
    private static Value WordWrap(string text, Arguments args)
    {
        var b = args.Bind("wordwrap", "width", "break_long_words", "wrapstring", "break_on_hyphens");
        var width = Int(b[0], 79);
        var breakLong = Flag(b[1], true);
        var wrap = b[2] is null or NullValue ? "\n" : Text(b[2]!);
        var lines = text.Split('\n').Select(line => string.Join(wrap, Wrap(line, width, breakLong)));
        return Py.Str(string.Join(wrap, lines));
    }

    private static List<string> Wrap(string line, int width, bool breakLong)
    {
        var words = new Queue<string>(line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
        var lines = new List<string>();
        var current = new StringBuilder();
        while (words.Count > 0)
        {
            var word = words.Dequeue();
            var needed = current.Length == 0 ? word.Length : current.Length + 1 + word.Length;
            if (needed <= width)
            {
                current.Append(current.Length == 0 ? string.Empty : " ").Append(word);
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add(current.ToString());
                current.Clear();
            }

            if (word.Length > width && breakLong && width > 0)
            {
                lines.Add(word[..width]);
                var rest = new Queue<string>([word[width..], .. words]);
                words = rest;
            }
            else
            {
                current.Append(word);
            }
        }

        if (current.Length > 0)
        {
            lines.Add(current.ToString());
        }

        return lines;
    }

    private static string UrlEncode(Value value)
    {
        static string Quote(string s, bool forQuery) => forQuery
            ? Uri.EscapeDataString(s).Replace("%20", "+", StringComparison.Ordinal)
            : Uri.EscapeDataString(s).Replace("%2F", "/", StringComparison.Ordinal);

        return Py.Defined(value) switch
        {
            StringValue s => Quote(s.Value, false),
            DictValue d => string.Join("&", d.Select(e => Quote(Text(e.Key), true) + "=" + Quote(Text(e.Value), true))),
            ListValue l => string.Join("&", l.Select(pair => Py.Iterate(pair) is { Count: 2 } kv
                ? Quote(Text(kv[0]), true) + "=" + Quote(Text(kv[1]), true)
                : throw JinjaException.ValueError("urlencode needs pairs"))),
            _ => Quote(Text(value), false),
        };
    }

    private static Value XmlAttr(Value value, Arguments args)
    {
        var autospace = Flag(args.Bind("xmlattr", "autospace")[0], true);
        if (Py.Defined(value) is not DictValue dict)
        {
            throw JinjaException.Type("xmlattr needs a mapping");
        }

        var parts = dict.Where(e => e.Value is not (NullValue or Undefined))
            .Select(e => $"{Escape(Text(e.Key))}=\"{Escape(Text(e.Value))}\"");
        var text = string.Join(' ', parts);
        return Py.Str(autospace && text.Length > 0 ? " " + text : text);
    }

    private static Value FileSize(Value value, bool binary)
    {
        var bytes = ToFloat(value) ?? throw JinjaException.ValueError($"could not convert string to float: {PythonText.Repr(value)}");
        var unitBase = binary ? 1024.0 : 1000.0;
        string[] prefixes = binary
            ? ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"]
            : ["kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"];
        if (bytes == 1)
        {
            return Py.Str("1 Byte");
        }

        if (bytes < unitBase)
        {
            return Py.Str($"{(long)bytes} Bytes");
        }

        var unit = 0.0;
        for (var i = 0; i < prefixes.Length; i++)
        {
            unit = Math.Pow(unitBase, i + 2);
            if (bytes < unit || i == prefixes.Length - 1)
            {
                return Py.Str($"{ExactFloat.Fixed(unitBase * bytes / unit, 1)} {prefixes[i]}");
            }
        }

        return Py.Str(ExactFloat.Fixed(unitBase * bytes / unit, 1));
    }
}
