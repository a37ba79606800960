namespace Sirocco.Persistence.Sql;

/// <summary>How a filterable column is stored, so a filter value text can be converted.</summary>
internal enum ColumnType
{
    Text,
    Time,
    Bool,
    Int,
    Tags,
}
