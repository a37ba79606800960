namespace Sirocco.Persistence.Querying;

/// <summary>Order of one sort key, as Mistral's <c>sort_dirs</c>.</summary>
public enum SortDirection
{
    /// <summary>Ascending (Mistral's default).</summary>
    Asc,

    /// <summary>Descending.</summary>
    Desc,
}
