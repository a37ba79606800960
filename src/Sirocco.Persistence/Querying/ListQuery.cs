namespace Sirocco.Persistence.Querying;

/// <summary>
/// A page request as Mistral's list endpoints take it: <c>limit</c>, <c>marker</c> (id of the last
/// row of the previous page), <c>sort_keys</c>/<c>sort_dirs</c> and equality-style filters.
/// The store always appends <c>id</c> as the final sort key so pages are stable.
/// </summary>
public sealed record ListQuery
{
    /// <summary>Everything, oldest first.</summary>
    public static ListQuery All { get; } = new();

    /// <summary>Largest number of rows to return; <c>null</c> for no limit.</summary>
    public int? Limit { get; init; }

    /// <summary>Id of the row after which the page starts, in the requested order.</summary>
    public string? Marker { get; init; }

    /// <summary>API field names to sort by; default <c>created_at</c>.</summary>
    public IReadOnlyList<string> SortKeys { get; init; } = ["created_at"];

    /// <summary>Direction per sort key; missing entries are <see cref="SortDirection.Asc"/>.</summary>
    public IReadOnlyList<SortDirection> SortDirections { get; init; } = [];

    /// <summary>All filters must hold.</summary>
    public IReadOnlyList<FieldFilter> Filters { get; init; } = [];
}
