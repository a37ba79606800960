using Sirocco.Persistence.Querying;

namespace Sirocco.Api.Listing;

/// <summary>Mistral's filter syntax: <c>name=value</c> or <c>name=op:value</c>, <c>in</c>/<c>nin</c> with comma-separated values.</summary>
internal static class FilterParser
{
    private static readonly Dictionary<string, FilterOperator> Operators = new(StringComparer.Ordinal)
    {
        ["eq"] = FilterOperator.Eq,
        ["neq"] = FilterOperator.Neq,
        ["in"] = FilterOperator.In,
        ["nin"] = FilterOperator.Nin,
        ["gt"] = FilterOperator.Gt,
        ["gte"] = FilterOperator.Gte,
        ["lt"] = FilterOperator.Lt,
        ["lte"] = FilterOperator.Lte,
        ["has"] = FilterOperator.Has,
    };

    public static FieldFilter Parse(string field, string raw)
    {
        var op = FilterOperator.Eq;
        var value = raw;
        var colon = raw.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && Operators.TryGetValue(raw[..colon], out var parsed))
        {
            op = parsed;
            value = raw[(colon + 1)..];
        }

        if (op is FilterOperator.In or FilterOperator.Nin)
        {
            var values = value.Split(',', StringSplitOptions.TrimEntries);
            return new FieldFilter(field, op, [.. values.Select(Nullable)]);
        }

        return new FieldFilter(field, op, [Nullable(value)]);
    }

    /// <summary>The filter as Mistral echoes it in a <c>next</c> link: always with its operator.</summary>
    public static string Echo(FieldFilter filter)
    {
        var name = Operators.First(p => p.Value == filter.Operator).Key;
        return name + ":" + string.Join(",", filter.Values.Select(v => v ?? "null"));
    }

    // Mistral reads the text "null" as SQL NULL (e.g. task_execution_id=null for top-level executions).
    private static string? Nullable(string value) => value == "null" ? null : value;
}
