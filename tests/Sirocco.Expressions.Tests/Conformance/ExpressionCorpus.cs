using System.Text.Json;
using System.Text.RegularExpressions;
using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Tests.Conformance;

/// <summary>Loads ../shared/conformance/expressions and judges a result the way its README says.</summary>
internal static class ExpressionCorpus
{
    private static readonly Lazy<string> Directory = new(FindDirectory);
    private static readonly Lazy<IReadOnlyDictionary<string, Value>> LazyContexts = new(() =>
    {
        var root = (DictValue)JsonValues.Parse(File.ReadAllText(Path.Combine(Directory.Value, "contexts.json")));
        return root.ToDictionary(e => ((StringValue)e.Key).Value, e => e.Value);
    });

    public static IReadOnlyDictionary<string, Value> Contexts => LazyContexts.Value;

    /// <summary>The repository root: the folder above the tests holding Sirocco.slnx.</summary>
    public static string RepoRoot => FindRoot();

    public static IReadOnlyList<JsonElement> Load(string file) =>
        [.. File.ReadLines(Path.IsPathRooted(file) ? file : Path.Combine(Directory.Value, file))
            .Where(l => l.Trim().Length > 0)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    /// <summary>Null when <paramref name="actual"/> conforms to the case, otherwise why not.</summary>
    public static string? Judge(JsonElement record, ExpressionResult actual, Func<string, ExpressionResult> evaluate)
    {
        var ok = record.GetProperty("ok").GetBoolean();
        if (!ok)
        {
            var expected = record.GetProperty("error").GetProperty("category").GetString();
            if (actual.IsSuccess)
            {
                return $"expected error {expected}, got value {actual.Value!.ToJson()}";
            }

            return SameCategory(expected!, actual.Error!.Category) ? null : $"expected error {expected}, got {actual.Error!.Category}: {actual.Error.Message}";
        }

        if (!actual.IsSuccess)
        {
            return $"expected a value, got {actual.Error!.Category}: {actual.Error.Message}";
        }

        var value = actual.Value!;
        if (record.TryGetProperty("match", out var pattern))
        {
            return value is StringValue s && Regex.IsMatch(s.Value, pattern.GetString()!) ? null : $"{value.ToJson()} does not match {pattern}";
        }

        var expectedValue = JsonValues.FromElement(record.GetProperty("result"));
        var unordered = record.TryGetProperty("unordered", out var u) && u.GetBoolean();
        if (!(unordered ? SameMultiset(expectedValue, value) : StrictEquals(expectedValue, value)))
        {
            return $"expected {expectedValue.ToJson()}, got {value.ToJson()}";
        }

        var opaque = record.TryGetProperty("text_opaque", out var o) && o.GetBoolean();
        if (record.TryGetProperty("text", out var text) && !opaque)
        {
            // The expression's text is what it contributes inside surrounding text.
            const string Marker = "\u2016";
            var embedded = evaluate(record.GetProperty("expr").GetString() + Marker);
            var rendered = embedded.IsSuccess && embedded.Value is StringValue r && r.Value.EndsWith(Marker, StringComparison.Ordinal)
                ? r.Value[..^Marker.Length]
                : null;
            if (rendered != text.GetString())
            {
                return $"expected text {JsonSerializer.Serialize(text.GetString())}, got {(rendered is null ? embedded.Error?.Message : JsonSerializer.Serialize(rendered))}";
            }
        }

        return null;
    }

    /// <summary>Equality that keeps integers, floats and booleans apart and dictionary order significant.</summary>
    public static bool StrictEquals(Value expected, Value actual) => (expected, actual) switch
    {
        (IntValue a, IntValue b) => a.Value == b.Value,
        (FloatValue a, FloatValue b) => a.Value.Equals(b.Value),
        (BoolValue a, BoolValue b) => a.Value == b.Value,
        (StringValue a, StringValue b) => a.Value == b.Value,
        (NullValue, NullValue) => true,
        (ListValue a, ListValue b) => a.Count == b.Count && a.Zip(b).All(p => StrictEquals(p.First, p.Second)),
        (DictValue a, DictValue b) => a.Count == b.Count && a.Zip(b).All(p => StrictEquals(p.First.Key, p.Second.Key) && StrictEquals(p.First.Value, p.Second.Value)),
        _ => false,
    };

    private static bool SameMultiset(Value expected, Value actual)
    {
        if (expected is not ListValue e || actual is not ListValue a || e.Count != a.Count)
        {
            return false;
        }

        var remaining = a.ToList();
        foreach (var item in e)
        {
            var index = remaining.FindIndex(x => StrictEquals(item, x));
            if (index < 0)
            {
                return false;
            }

            remaining.RemoveAt(index);
        }

        return true;
    }

    private static bool SameCategory(string expected, string actual) =>
        expected == actual || (expected is "unknown_function" or "no_matching_function" && actual is "unknown_function" or "no_matching_function");

    private static string FindDirectory() => Path.GetFullPath(Path.Combine(FindRoot(), "..", "shared", "conformance", "expressions"));

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sirocco.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Sirocco.slnx not found above the test directory.");
    }
}
