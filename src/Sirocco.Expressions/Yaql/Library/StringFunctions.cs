using System.Globalization;
using System.Numerics;
using System.Text;
using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql.Runtime;
using Sirocco.Expressions.Yaql.Syntax;

namespace Sirocco.Expressions.Yaql.Library;

/// <summary>String functions, with Python's semantics for split, strip, find and format.</summary>
internal static partial class StringFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Add("concat", CallForm.Function, 1, -1, call =>
            new StringValue(string.Concat(Enumerable.Range(0, call.Count).Select(call.Str))));
        r.Add("toUpper", CallForm.Method, 1, 1, call => new StringValue(call.Str(0).ToUpperInvariant().Replace("ß", "SS", StringComparison.Ordinal)));
        r.Add("toLower", CallForm.Method, 1, 1, call => new StringValue(call.Str(0).ToLowerInvariant()));
        r.Add("split", CallForm.Method, 1, 3, call => Split(call, fromRight: false));
        r.Add("rightSplit", CallForm.Method, 1, 3, call => Split(call, fromRight: true));
        r.Add("join", CallForm.Method, 2, 2, call =>
        {
            if (call[0] is StringValue separator && Sequences.IsIterable(call[1]))
            {
                return Join(Sequences.Enumerate(call[1]), separator.Value);
            }

            return Join(call.Seq(0), call.Str(1));
        });
        r.Add("str", CallForm.Function, 1, 1, call => new StringValue(ToStr(call[0])));
        r.Add("trim", CallForm.Method, 1, 2, call => new StringValue(Strip(call.Str(0), Chars(call, 1), true, true)));
        r.Add("trimLeft", CallForm.Method, 1, 2, call => new StringValue(Strip(call.Str(0), Chars(call, 1), true, false)));
        r.Add("trimRight", CallForm.Method, 1, 2, call => new StringValue(Strip(call.Str(0), Chars(call, 1), false, true)));
        r.Add("norm", CallForm.Both, 1, 2, call =>
        {
            var text = Strip(NullableStr(call, 0) ?? string.Empty, Chars(call, 1), true, true);
            return text.Length == 0 ? Value.Null : new StringValue(text);
        });
        r.Add("isEmpty", CallForm.Both, 1, 3, call =>
        {
            var text = NullableStr(call, 0);
            if (text is null)
            {
                return Value.True;
            }

            var trim = call.Count <= 1 || call[1].IsTruthy;
            return Value.From((trim ? Strip(text, Chars(call, 2), true, true) : text).Length == 0);
        });
        r.Add("replace", CallForm.Method, 3, 4, call =>
        {
            var text = call.Str(0);
            if (call[1] is YaqlRegex)
            {
                throw Invocation.NoMatch;
            }

            return new StringValue(Replace(text, call.Str(1), call.Str(2), call.Count > 3 ? call.SmallInt(3) : -1));
        });
        r.Add("replace", CallForm.Method, 2, 3, call =>
        {
            var text = call.Str(0);
            var count = call.Count > 2 ? call.SmallInt(2) : -1;
            foreach (var (key, value) in call.Dict(1))
            {
                text = Replace(text, ToStr(key), ToStr(value), count);
            }

            return new StringValue(text);
        });
        r.Add("format", CallForm.Both, 1, -1, call => new StringValue(PythonFormat.Format(
            call.Str(0),
            [.. Enumerable.Range(1, call.Count - 1).Select(i => call[i])],
            call.NamedArguments.ToDictionary(n => n.Name!, n => n.Value.Evaluate(call.Context, call.Scope), StringComparer.Ordinal))), acceptsNamed: true);
        r.Add("substring", CallForm.Method, 2, 3, Substring);
        r.Add("indexOf", CallForm.Method, 2, 4, call => Value.From(Find(call, last: false)));
        r.Add("lastIndexOf", CallForm.Method, 2, 4, call => Value.From(Find(call, last: true)));
        r.Add("toCharArray", CallForm.Method, 1, 1, call => new ListValue(TextElements(call.Str(0)).Select(c => (Value)new StringValue(c))));
        r.Add("characters", CallForm.Function, 0, 0, Characters, acceptsNamed: true);
        r.Add("isString", CallForm.Function, 1, 1, call => Value.From(call[0] is StringValue));
        r.Add("startsWith", CallForm.Method, 2, -1, call =>
            Value.From(Enumerable.Range(1, call.Count - 1).Any(i => call.Str(0).StartsWith(call.Str(i), StringComparison.Ordinal))));
        r.Add("endsWith", CallForm.Method, 2, -1, call =>
            Value.From(Enumerable.Range(1, call.Count - 1).Any(i => call.Str(0).EndsWith(call.Str(i), StringComparison.Ordinal))));
        r.Add("hex", CallForm.Function, 1, 1, call =>
        {
            var n = call.Int(0);
            return new StringValue((n < 0 ? "-0x" : "0x") + BigInteger.Abs(n).ToString("x", CultureInfo.InvariantCulture).TrimStart('0').PadLeft(1, '0'));
        });
    }

    /// <summary>YAQL's <c>str()</c>: like Python's, except that booleans and null read as YAQL literals.</summary>
    public static string ToStr(Value value) => value switch
    {
        NullValue => "null",
        BoolValue b => b.Value ? "true" : "false",
        _ => YaqlText.Str(value),
    };

    private static string? NullableStr(Invocation call, int index) => call[index] switch
    {
        NullValue => null,
        StringValue s => s.Value,
        _ => throw Invocation.NoMatch,
    };

    private static string? Chars(Invocation call, int index) => index < call.Count ? NullableStr(call, index) : null;

    private static StringValue Join(IEnumerable<Value> items, string separator) =>
        new(string.Join(separator, items.Select(ToStr)));

    private static IEnumerable<string> TextElements(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            yield return char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? text.Substring(i++, 2) : text[i].ToString();
        }
    }

    private static Value Characters(Invocation call)
    {
        var builder = new StringBuilder();
        bool Flag(string name) => call.Named(name)?.IsTruthy ?? false;
        if (Flag("digits"))
        {
            builder.Append("0123456789");
        }

        if (Flag("hexdigits"))
        {
            builder.Append("0123456789abcdefABCDEF");
        }

        if (Flag("asciiLowercase"))
        {
            builder.Append("abcdefghijklmnopqrstuvwxyz");
        }

        if (Flag("asciiUppercase"))
        {
            builder.Append("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        }

        if (Flag("asciiLetters"))
        {
            builder.Append("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
        }

        if (Flag("octdigits"))
        {
            builder.Append("01234567");
        }

        if (Flag("punctuation"))
        {
            builder.Append("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~");
        }

        if (Flag("whitespace"))
        {
            builder.Append(" \t\n\r\v\f");
        }

        return new YaqlSet(builder.ToString().Select(c => (Value)new StringValue(c.ToString())));
    }
}
