using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql.Runtime;

namespace Sirocco.Expressions.Yaql.Library;

/// <summary>Regular expressions with Python <c>re</c> semantics (search, split, sub templates).</summary>
internal static class RegexFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Add("regex", CallForm.Function, 1, 4, call =>
        {
            var options = RegexOptions.None;
            if (Flag(call, 1, "ignoreCase"))
            {
                options |= RegexOptions.IgnoreCase;
            }

            if (Flag(call, 2, "multiLine"))
            {
                options |= RegexOptions.Multiline;
            }

            if (Flag(call, 3, "dotAll"))
            {
                options |= RegexOptions.Singleline;
            }

            var pattern = call.Str(0);
            return new YaqlRegex(PythonRegex.Compile(pattern, options), pattern);
        }, acceptsNamed: true);
        r.Add("isRegex", CallForm.Function, 1, 1, call => Value.From(call[0] is YaqlRegex));
        r.Add("escapeRegex", CallForm.Function, 1, 1, call => new StringValue(Escape(call.Str(0))));
        r.Add("matches", CallForm.Method, 2, 2, call => call[0] is YaqlRegex regex
            ? Value.From(regex.Regex.IsMatch(call.Str(1)))
            : Value.From(ToRegex(call, 1).IsMatch(call.Str(0))));
        r.Add("search", CallForm.Method, 2, 3, call =>
        {
            var match = ReceiverRegex(call).Match(call.Str(1));
            if (!match.Success)
            {
                return Value.Null;
            }

            return call.Count > 2 ? call.Invoke(call.Node(2)!, Publish(match)) : new StringValue(match.Value);
        });
        r.Add("searchAll", CallForm.Method, 2, 3, call =>
        {
            var regex = ReceiverRegex(call);
            return Sequences.Result(regex.Matches(call.Str(1)).Select(m =>
                call.Count > 2 ? call.Invoke(call.Node(2)!, Publish(m)) : new StringValue(m.Value)));
        });
        r.Add("split", CallForm.Method, 2, 3, call =>
        {
            var (regex, text) = call[0] is YaqlRegex re ? (re.Regex, call.Str(1)) : call[1] is YaqlRegex re2 ? (re2.Regex, call.Str(0)) : throw Invocation.NoMatch;
            var max = call.Count > 2 ? call.SmallInt(2) : 0;
            var parts = max > 0 ? regex.Split(text, max + 1) : regex.Split(text);
            return PythonLists.Create(parts.Select(p => (Value)new StringValue(p)));
        });
        r.Add("replace", CallForm.Method, 3, 4, call =>
        {
            var (regex, text) = call[0] is YaqlRegex re ? (re.Regex, call.Str(1)) : call[1] is YaqlRegex re2 ? (re2.Regex, call.Str(0)) : throw Invocation.NoMatch;
            var template = call.Str(2);
            var count = call.Count > 3 ? call.SmallInt(3) : 0;
            return new StringValue(regex.Replace(text, m => ExpandTemplate(template, m), count <= 0 ? -1 : count));
        });
        r.Add("replaceBy", CallForm.Method, 3, 4, call =>
        {
            var (regex, text) = call[0] is YaqlRegex re ? (re.Regex, call.Str(1)) : call[1] is YaqlRegex re2 ? (re2.Regex, call.Str(0)) : throw Invocation.NoMatch;
            var count = call.Count > 3 ? call.SmallInt(3) : 0;
            return new StringValue(regex.Replace(
                text,
                m => call.Invoke(call.Node(2)!, Publish(m)) is StringValue s ? s.Value : throw YaqlException.TypeError("replaceBy selector must return a string"),
                count <= 0 ? -1 : count));
        });
    }

    private static bool Flag(Invocation call, int index, string name) =>
        index < call.Count ? call[index].IsTruthy : call.Named(name)?.IsTruthy ?? false;

    private static Regex ReceiverRegex(Invocation call) => call[0] is YaqlRegex regex ? regex.Regex : throw Invocation.NoMatch;

    private static Regex ToRegex(Invocation call, int index) => call[index] switch
    {
        YaqlRegex regex => regex.Regex,
        StringValue pattern => PythonRegex.Compile(pattern.Value, RegexOptions.None),
        _ => throw Invocation.NoMatch,
    };

    /// <summary>
    /// The match as the selector sees it: <c>$</c> is the whole match, <c>$2..</c> the groups. Named groups go
    /// through the reference's loop over <c>groupdict().values()</c>, which unpacks each value into
    /// (name, group) and so fails for nearly every match; we fail the same way.
    /// </summary>
    private static Value[] Publish(Match match)
    {
        Value Record(Group g) => DictValue.From([
            new KeyValuePair<string, Value>("value", g.Success ? new StringValue(g.Value) : Value.Null),
            new("start", Value.From(g.Success ? g.Index : -1)),
            new("end", Value.From(g.Success ? g.Index + g.Length : -1)),
        ]);

        var whole = Record(match.Groups[0]);
        var names = match.Groups.Keys.Where(k => !int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out _)).ToList();
        foreach (var name in names)
        {
            var group = match.Groups[name];
            if (!group.Success)
            {
                throw YaqlException.TypeError("cannot unpack non-iterable NoneType object");
            }

            if (group.Value.Length != 2)
            {
                throw YaqlException.ValueError(group.Value.Length > 2 ? "too many values to unpack (expected 2)" : "not enough values to unpack");
            }

            if (!match.Groups.ContainsKey(group.Value[1].ToString()))
            {
                throw new YaqlException("index_out_of_range", "no such group");
            }
        }

        return [whole, .. Enumerable.Range(1, match.Groups.Count - 1).Select(i => Record(match.Groups[i]))];
    }

    private static string ExpandTemplate(string template, Match match)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c != '\\' || i + 1 >= template.Length)
            {
                builder.Append(c);
                continue;
            }

            var n = template[++i];
            if (char.IsAsciiDigit(n))
            {
                var end = i;
                while (end < template.Length && end < i + 2 && char.IsAsciiDigit(template[end]))
                {
                    end++;
                }

                var number = int.Parse(template.AsSpan(i, end - i), CultureInfo.InvariantCulture);
                builder.Append(number < match.Groups.Count ? match.Groups[number].Value : throw new YaqlException("regex_error", $"invalid group reference {number}"));
                i = end - 1;
            }
            else if (n == 'g' && i + 1 < template.Length && template[i + 1] == '<')
            {
                var close = template.IndexOf('>', i);
                var name = template[(i + 2)..close];
                builder.Append(match.Groups[name].Value);
                i = close;
            }
            else
            {
                builder.Append(n switch { 'n' => '\n', 't' => '\t', 'r' => '\r', '\\' => '\\', _ => '\0' } is var e && e != '\0' ? e.ToString() : "\\" + n);
            }
        }

        return builder.ToString();
    }

    private static string Escape(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c < 128)
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
