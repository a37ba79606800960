using System.Globalization;
using Sirocco.Persistence.Querying;

namespace Sirocco.Api.Listing;

/// <summary>
/// Applies a <see cref="ListQuery"/> to resources that are not (all) in the database, such as the
/// action catalogue where built-in actions come from the registry. Same semantics as the SQL stores:
/// filters, sort keys with <c>id</c> as the tie-breaker, keyset marker, limit. Nulls sort first.
/// </summary>
internal static class InMemoryList
{
    public static IReadOnlyList<JsonObject> Apply(IEnumerable<JsonObject> items, ListQuery query)
    {
        var rows = items.Where(item => query.Filters.All(f => Matches(item, f))).ToList();
        var keys = query.SortKeys.Contains("id") ? query.SortKeys : [.. query.SortKeys, "id"];
        var directions = keys.Select((_, i) => i < query.SortDirections.Count ? query.SortDirections[i] : SortDirection.Asc).ToList();
        rows.Sort((a, b) => CompareRows(a, b, keys, directions));
        if (query.Marker is not null)
        {
            var index = rows.FindIndex(r => Text(r["id"]) == query.Marker);
            if (index < 0)
            {
                throw new InvalidQueryException($"Marker not found: '{query.Marker}'");
            }

            rows = rows.Skip(index + 1).ToList();
        }

        return query.Limit is { } limit ? rows.Take(limit).ToList() : rows;
    }

    private static int CompareRows(JsonObject a, JsonObject b, IReadOnlyList<string> keys, List<SortDirection> directions)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            var order = Compare(Text(a[keys[i]]), Text(b[keys[i]]));
            if (order != 0)
            {
                return directions[i] == SortDirection.Desc ? -order : order;
            }
        }

        return 0;
    }

    private static bool Matches(JsonObject item, FieldFilter filter)
    {
        var node = item[filter.Field];
        var value = Text(node);
        var first = filter.Values.Count > 0 ? filter.Values[0] : null;
        return filter.Operator switch
        {
            FilterOperator.Eq => Compare(value, first) == 0,
            FilterOperator.Neq => Compare(value, first) != 0,
            FilterOperator.In => filter.Values.Any(v => Compare(value, v) == 0),
            FilterOperator.Nin => filter.Values.All(v => Compare(value, v) != 0),
            FilterOperator.Gt => value is not null && Compare(value, first) > 0,
            FilterOperator.Gte => value is not null && Compare(value, first) >= 0,
            FilterOperator.Lt => value is not null && Compare(value, first) < 0,
            FilterOperator.Lte => value is not null && Compare(value, first) <= 0,
            FilterOperator.Has => node is JsonArray list
                ? list.Any(e => Text(e) == first)
                : value is not null && first is not null && value.Contains(first, StringComparison.Ordinal),
            _ => false,
        };
    }

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "true",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "false",
        _ => node.ToJsonString(),
    };

    private static int Compare(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return (a is null ? 0 : 1) - (b is null ? 0 : 1);
        }

        return double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            && double.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
            ? x.CompareTo(y)
            : string.CompareOrdinal(a, b);
    }
}
