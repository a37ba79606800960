using System.Globalization;
using System.Text;
using Sirocco.Persistence.Querying;

namespace Sirocco.Api.Listing;

/// <summary>
/// The paging, sorting, projection and filter parameters of a Mistral list request
/// (<c>limit</c>, <c>marker</c>, <c>sort_keys</c>, <c>sort_dirs</c>, <c>fields</c>, <c>field=op:value</c>),
/// checked against what the resource knows, plus the <c>next</c> link of a full page.
/// </summary>
internal sealed class ListRequest
{
    private static readonly string[] PagingNames = ["limit", "marker", "sort_keys", "sort_dirs", "fields"];

    private ListRequest(ListQuery query, IReadOnlyList<string> fields, IReadOnlyList<(string Name, string Value)> echoedFilters)
    {
        Query = query;
        Fields = fields;
        EchoedFilters = echoedFilters;
    }

    /// <summary>What to ask the store.</summary>
    public ListQuery Query { get; }

    /// <summary>Requested fields (with <c>id</c>), or empty for all.</summary>
    public IReadOnlyList<string> Fields { get; }

    private IReadOnlyList<(string Name, string Value)> EchoedFilters { get; }

    /// <summary>
    /// Parses the query string. <paramref name="resource"/> describes the fields; <paramref name="extra"/>
    /// names other parameters the endpoint reads itself (they are neither filters nor errors).
    /// </summary>
    public static ListRequest Parse(IQueryCollection query, ResourceFields resource, params string[] extra)
    {
        var limit = ParseLimit(query["limit"]);
        var marker = Single(query, "marker");
        var sortKeys = SplitList(Single(query, "sort_keys"));
        var sortDirs = SplitList(Single(query, "sort_dirs")).Select(ParseDirection).ToList();
        if (sortKeys.Count == 0)
        {
            sortKeys = [resource.DefaultSortKey];
        }

        foreach (var key in sortKeys)
        {
            if (!resource.Sortable.Contains(key))
            {
                throw Http.ApiException.BadRequest($"Unknown sort key: '{key}'. Sortable fields: {string.Join(", ", resource.Sortable)}");
            }
        }

        if (sortDirs.Count > sortKeys.Count)
        {
            throw Http.ApiException.BadRequest("The number of sort_dirs must be the same or less than that of sort_keys.");
        }

        var fields = SplitList(Single(query, "fields"));
        foreach (var field in fields)
        {
            if (!resource.All.Contains(field))
            {
                throw Http.ApiException.BadRequest($"Some fields are not valid: ['{field}']");
            }
        }

        if (fields.Count > 0 && !fields.Contains("id"))
        {
            fields.Insert(0, "id");
        }

        var filters = new List<FieldFilter>();
        var echoed = new List<(string, string)>();
        foreach (var (name, values) in query)
        {
            if (PagingNames.Contains(name) || extra.Contains(name))
            {
                continue;
            }

            if (!resource.Filterable.Contains(name))
            {
                throw Http.ApiException.BadRequest($"Unknown argument: '{name}'. Filterable fields: {string.Join(", ", resource.Filterable)}");
            }

            foreach (var raw in values)
            {
                var filter = FilterParser.Parse(name, raw ?? string.Empty);
                filters.Add(filter);
                echoed.Add((name, FilterParser.Echo(filter)));
            }
        }

        var listQuery = new ListQuery
        {
            Limit = limit,
            Marker = marker,
            SortKeys = sortKeys,
            SortDirections = sortDirs,
            Filters = filters,
        };
        return new ListRequest(listQuery, fields, echoed);
    }

    /// <summary>Adds a filter the endpoint implies (e.g. the execution id of <c>/executions/{id}/tasks</c>).</summary>
    public ListRequest With(FieldFilter filter) =>
        new(Query with { Filters = [.. Query.Filters, filter] }, Fields, EchoedFilters);

    /// <summary>
    /// Builds <c>{"plural": [...], "next": "..."}</c>. Mistral adds <c>next</c> only when a limit was
    /// given and the page is full; it echoes the filters with their operator and <c>id</c> as the last sort key.
    /// </summary>
    public JsonObject Envelope(HttpRequest request, string plural, IReadOnlyList<JsonObject> items)
    {
        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add(Project(item));
        }

        var body = new JsonObject { [plural] = array };
        if (Query.Limit is { } limit && items.Count == limit && items.Count > 0)
        {
            body["next"] = NextLink(request, items[^1]["id"]?.GetValue<string>() ?? string.Empty);
        }

        return body;
    }

    /// <summary>Keeps only the requested <see cref="Fields"/>.</summary>
    public JsonObject Project(JsonObject item)
    {
        if (Fields.Count == 0)
        {
            return item;
        }

        var projected = new JsonObject();
        foreach (var field in Fields)
        {
            if (item.TryGetPropertyValue(field, out var value))
            {
                projected[field] = value?.DeepClone();
            }
        }

        return projected;
    }

    private string NextLink(HttpRequest request, string lastId)
    {
        var keys = Query.SortKeys.Contains("id") ? Query.SortKeys : [.. Query.SortKeys, "id"];
        var dirs = keys.Select((_, i) => i < Query.SortDirections.Count ? Query.SortDirections[i] : Query.SortDirections.Count > 0 ? Query.SortDirections[^1] : SortDirection.Asc);
        var text = new StringBuilder();
        text.Append(request.Scheme).Append("://").Append(request.Host).Append(request.PathBase).Append(request.Path);
        text.Append("?sort_keys=").Append(Uri.EscapeDataString(string.Join(",", keys)));
        text.Append("&sort_dirs=").Append(string.Join(",", dirs.Select(d => d == SortDirection.Desc ? "desc" : "asc")));
        foreach (var (name, value) in EchoedFilters)
        {
            text.Append('&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        text.Append("&limit=").Append(Query.Limit!.Value.ToString(CultureInfo.InvariantCulture));
        text.Append("&marker=").Append(Uri.EscapeDataString(lastId));
        if (Fields.Count > 0)
        {
            text.Append("&fields=").Append(Uri.EscapeDataString(string.Join(",", Fields)));
        }

        return text.ToString();
    }

    private static int? ParseLimit(Microsoft.Extensions.Primitives.StringValues values)
    {
        if (values.Count == 0 || string.IsNullOrEmpty(values[0]))
        {
            return null;
        }

        if (values.Count > 1 || !int.TryParse(values[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit))
        {
            throw Http.ApiException.BadRequest($"Invalid input for field/attribute limit. Value: '{values}'. Expected an integer.");
        }

        return limit switch
        {
            < 0 => throw Http.ApiException.BadRequest($"Limit must be positive: {limit}"),
            0 => null,
            _ => limit,
        };
    }

    private static string? Single(IQueryCollection query, string name)
    {
        var values = query[name];
        return values.Count switch
        {
            0 => null,
            1 => string.IsNullOrEmpty(values[0]) ? null : values[0],
            _ => throw Http.ApiException.BadRequest($"Parameter '{name}' is given more than once."),
        };
    }

    private static List<string> SplitList(string? text) =>
        text is null ? [] : [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    private static SortDirection ParseDirection(string text) => text.ToLowerInvariant() switch
    {
        "asc" => SortDirection.Asc,
        "desc" => SortDirection.Desc,
        _ => throw Http.ApiException.BadRequest($"Unknown sort direction, must be 'desc' or 'asc': '{text}'"),
    };
}
