namespace Sirocco.Api.Listing;

/// <summary>The fields of one REST resource: all of them (for <c>fields=</c>), the sortable and the filterable ones.</summary>
/// <param name="All">Every field the resource shows.</param>
/// <param name="Sortable">Fields <c>sort_keys</c> may name (what the store can order by).</param>
/// <param name="Filterable">Fields a <c>field=op:value</c> query parameter may name.</param>
/// <param name="DefaultSortKey">Sort key when none is given (Mistral: <c>created_at</c>).</param>
internal sealed record ResourceFields(
    IReadOnlySet<string> All,
    IReadOnlySet<string> Sortable,
    IReadOnlySet<string> Filterable,
    string DefaultSortKey = "created_at")
{
    public static ResourceFields Of(string all, string sortable, string? filterable = null, string defaultSortKey = "created_at") =>
        new(Set(all), Set(sortable), Set(filterable ?? sortable), defaultSortKey);

    private static HashSet<string> Set(string names) =>
        [.. names.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
}
