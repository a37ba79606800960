using System.CommandLine;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sirocco.Expressions;
using Sirocco.Expressions.Values;

namespace Sirocco.Cli;

/// <summary>
/// <c>sirocco conformance expressions DIR</c>: runs a corpus in the format of
/// <c>../shared/conformance/expressions/</c> (<c>*.jsonl</c> cases and <c>contexts.json</c>) and judges each
/// case as its README says: <c>ok</c>, then <c>result</c> (or <c>match</c>/<c>unordered</c>) or
/// <c>error.category</c>, and <c>text</c> where present.
/// </summary>
internal static class ConformanceCommand
{
    private const string Marker = "\u2016";

    public static Command Create()
    {
        var directory = new Argument<DirectoryInfo>("directory") { Description = "The corpus directory (*.jsonl and contexts.json)." };
        var expressions = new Command("expressions", "Run an expression conformance corpus and report pass counts per language and group.")
        {
            directory,
        };
        expressions.SetAction(parse => Run(parse.GetValue(directory)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return new Command("conformance", "Check Sirocco against conformance corpora.") { expressions };
    }

    internal static int Run(DirectoryInfo directory, TextWriter output, TextWriter error)
    {
        var contextsFile = Path.Combine(directory.FullName, "contexts.json");
        if (!File.Exists(contextsFile))
        {
            error.WriteLine($"error: {contextsFile} not found");
            return 2;
        }

        var contexts = ((DictValue)JsonValues.Parse(File.ReadAllText(contextsFile))).ToDictionary(e => ((StringValue)e.Key).Value, e => e.Value);
        var evaluator = Expressions.Expressions.CreateEvaluator();
        var counts = new SortedDictionary<string, (int Passed, int Failed)>(StringComparer.Ordinal);
        var failures = new List<string>();
        foreach (var file in directory.GetFiles("*.jsonl").OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file.FullName).Where(l => l.Trim().Length > 0))
            {
                JsonDocument document;
                try
                {
                    document = JsonDocument.Parse(line);
                }
                catch (JsonException e)
                {
                    failures.Add($"{file.Name}: invalid record: {e.Message}");
                    continue;
                }

                using var owned = document;
                var record = document.RootElement;
                var id = record.GetProperty("id").GetString();
                var key = $"{Text(record, "lang")} / {Text(record, "group")}";
                var context = new ExpressionContext(contexts.GetValueOrDefault(Text(record, "context")) ?? DictValue.Empty);
                var expr = record.GetProperty("expr").GetString()!;
                var failure = Judge(record, evaluator.Evaluate(expr, context), text => evaluator.Evaluate(text, context));
                var (passed, failed) = counts.GetValueOrDefault(key);
                counts[key] = failure is null ? (passed + 1, failed) : (passed, failed + 1);
                if (failure is not null)
                {
                    failures.Add($"{id} {JsonSerializer.Serialize(expr)}: {failure}");
                }
            }
        }

        foreach (var (key, (passed, failed)) in counts)
        {
            output.WriteLine($"{key,-28} {passed,5} passed {failed,5} failed");
        }

        if (failures.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Failures:");
            failures.ForEach(output.WriteLine);
        }

        var total = counts.Values.Sum(c => c.Passed);
        output.WriteLine($"{total} passed, {failures.Count} failed");
        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>Null when the result conforms to the case, otherwise "expected ..., got ...".</summary>
    internal static string? Judge(JsonElement record, ExpressionResult actual, Func<string, ExpressionResult> evaluate)
    {
        if (!record.GetProperty("ok").GetBoolean())
        {
            var category = record.GetProperty("error").GetProperty("category").GetString()!;
            if (actual.IsSuccess)
            {
                return $"expected error {category}, got value {actual.Value!.ToJson()}";
            }

            return SameCategory(category, actual.Error!.Category) ? null : $"expected error {category}, got {actual.Error.Category}: {actual.Error.Message}";
        }

        if (!actual.IsSuccess)
        {
            return $"expected a value, got error {actual.Error!.Category}: {actual.Error.Message}";
        }

        var value = actual.Value!;
        if (record.TryGetProperty("match", out var pattern))
        {
            return value is StringValue s && Regex.IsMatch(s.Value, pattern.GetString()!) ? null : $"expected a match of {pattern.GetString()}, got {value.ToJson()}";
        }

        var expected = JsonValues.FromElement(record.GetProperty("result"));
        var unordered = record.TryGetProperty("unordered", out var u) && u.GetBoolean();
        if (!(unordered ? SameMultiset(expected, value) : StrictEquals(expected, value)))
        {
            return $"expected {expected.ToJson()}, got {value.ToJson()}";
        }

        if (record.TryGetProperty("text", out var text) && !(record.TryGetProperty("text_opaque", out var o) && o.GetBoolean()))
        {
            // The text is what the expression contributes inside surrounding text: append a marker and strip it.
            var embedded = evaluate(record.GetProperty("expr").GetString() + Marker);
            var rendered = embedded.Value is StringValue r && r.Value.EndsWith(Marker, StringComparison.Ordinal) ? r.Value[..^Marker.Length] : null;
            if (rendered != text.GetString())
            {
                return $"expected text {JsonSerializer.Serialize(text.GetString())}, got {(rendered is null ? "error " + embedded.Error?.Message : JsonSerializer.Serialize(rendered))}";
            }
        }

        return null;
    }

    /// <summary>Integers, floats and booleans stay apart; dictionary order counts.</summary>
    internal static bool StrictEquals(Value expected, Value actual) => (expected, actual) switch
    {
        (IntValue a, IntValue b) => a.Value == b.Value,
        (FloatValue a, FloatValue b) => a.Value.Equals(b.Value),
        (BoolValue a, BoolValue b) => a.Value == b.Value,
        (StringValue a, StringValue b) => a.Value == b.Value,
        (NullValue, NullValue) => true,
        (ListValue a, ListValue b) => a.Count == b.Count && a.Zip(b).All(p => StrictEquals(p.First, p.Second)),
        (DictValue a, DictValue b) => a.Count == b.Count
            && a.Zip(b).All(p => StrictEquals(p.First.Key, p.Second.Key) && StrictEquals(p.First.Value, p.Second.Value)),
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

    // The README allows treating "no such function" and "no matching overload" as one class.
    private static bool SameCategory(string expected, string actual) =>
        expected == actual || (expected is "unknown_function" or "no_matching_function" && actual is "unknown_function" or "no_matching_function");

    private static string Text(JsonElement record, string property) =>
        record.TryGetProperty(property, out var value) ? value.GetString() ?? string.Empty : string.Empty;
}
