namespace Sirocco.Persistence.Sql;

/// <summary>An API field that a list request may filter or sort on, and the column behind it.</summary>
internal sealed record ColumnSpec(string Column, ColumnType Type)
{
    /// <summary>Expression used in ORDER BY and markers: nulls become a low sentinel so comparisons stay total.</summary>
    public string SortExpression => Type switch
    {
        ColumnType.Time or ColumnType.Int => $"COALESCE({Column}, -1)",
        ColumnType.Bool => Column,
        _ => $"COALESCE({Column}, '')",
    };
}
