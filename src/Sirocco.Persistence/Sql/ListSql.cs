using System.Globalization;
using System.Text;
using Dapper;
using Sirocco.Persistence.Querying;

namespace Sirocco.Persistence.Sql;

/// <summary>
/// Turns a <see cref="ListQuery"/> into the WHERE / ORDER BY / LIMIT tail of a SELECT. Field names are
/// looked up in a per-table whitelist, values always go through parameters, so no request text
/// ever reaches the SQL.
/// </summary>
internal static class ListSql
{
    private static readonly string[] TimeFormats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFF", "yyyy-MM-ddTHH:mm:ss.FFFFFFK", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-dd"];

    /// <summary>Builds the tail; <paramref name="fixedWhere"/> is a trusted condition always applied.</summary>
    public static string Tail(string table, IReadOnlyDictionary<string, ColumnSpec> fields, ListQuery query, DynamicParameters parameters, string? fixedWhere = null)
    {
        var conditions = new List<string>();
        if (fixedWhere is not null)
        {
            conditions.Add(fixedWhere);
        }

        var index = 0;
        foreach (var filter in query.Filters)
        {
            conditions.Add(Condition(Lookup(fields, filter.Field), filter, parameters, ref index));
        }

        var keys = SortKeys(fields, query);
        if (query.Marker is not null)
        {
            parameters.Add("marker", query.Marker);
            conditions.Add(MarkerCondition(table, keys));
        }

        var sql = new StringBuilder();
        if (conditions.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", conditions.Select(c => "(" + c + ")"));
        }

        sql.Append(" ORDER BY ").AppendJoin(", ", keys.Select(k => k.Column.SortExpression + (k.Direction == SortDirection.Desc ? " DESC" : " ASC")));
        if (query.Limit is { } limit)
        {
            parameters.Add("limit", Math.Max(0, limit));
            sql.Append(" LIMIT @limit");
        }

        return sql.ToString();
    }

    /// <summary>Parses Mistral's time text (<c>2026-11-26 14:28:40</c>) or ISO-8601, as UTC.</summary>
    public static long ParseTime(string text) =>
        DateTimeOffset.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? Micros.From(time)
            : throw new InvalidQueryException($"Invalid time value: '{text}'");

    private static ColumnSpec Lookup(IReadOnlyDictionary<string, ColumnSpec> fields, string field) =>
        fields.TryGetValue(field, out var spec) ? spec : throw new InvalidQueryException($"Unknown field: '{field}'");

    private static List<(ColumnSpec Column, SortDirection Direction)> SortKeys(IReadOnlyDictionary<string, ColumnSpec> fields, ListQuery query)
    {
        var keys = new List<(ColumnSpec Column, SortDirection Direction)>();
        for (var i = 0; i < query.SortKeys.Count; i++)
        {
            var direction = i < query.SortDirections.Count ? query.SortDirections[i] : SortDirection.Asc;
            keys.Add((Lookup(fields, query.SortKeys[i]), direction));
        }

        if (!query.SortKeys.Contains("id"))
        {
            keys.Add((fields["id"], keys.Count > 0 ? keys[^1].Direction : SortDirection.Asc));
        }

        return keys;
    }

    private static string MarkerCondition(string table, List<(ColumnSpec Column, SortDirection Direction)> keys)
    {
        // Keyset paging: rows strictly after the marker row in the requested order.
        var alternatives = new List<string>();
        for (var i = 0; i < keys.Count; i++)
        {
            var parts = new List<string>();
            for (var j = 0; j < i; j++)
            {
                parts.Add($"{keys[j].Column.SortExpression} = {MarkerValue(table, keys[j].Column)}");
            }

            var op = keys[i].Direction == SortDirection.Desc ? "<" : ">";
            parts.Add($"{keys[i].Column.SortExpression} {op} {MarkerValue(table, keys[i].Column)}");
            alternatives.Add(string.Join(" AND ", parts));
        }

        return string.Join(" OR ", alternatives.Select(a => "(" + a + ")"));
    }

    private static string MarkerValue(string table, ColumnSpec column) =>
        $"(SELECT {column.SortExpression} FROM {table} WHERE id = @marker)";

    private static string Condition(ColumnSpec column, FieldFilter filter, DynamicParameters parameters, ref int index)
    {
        if (filter.Values.Count == 0)
        {
            throw new InvalidQueryException($"Filter on '{filter.Field}' has no value");
        }

        if (filter.Operator is FilterOperator.In or FilterOperator.Nin)
        {
            var names = new List<string>();
            foreach (var value in filter.Values)
            {
                names.Add(Bind(column, value, parameters, ref index));
            }

            return $"{column.Column} {(filter.Operator == FilterOperator.Nin ? "NOT IN" : "IN")} ({string.Join(", ", names)})";
        }

        var single = filter.Values[0];
        if (filter.Operator == FilterOperator.Has)
        {
            var pattern = column.Type == ColumnType.Tags ? "%\"" + single + "\"%" : "%" + single + "%";
            var name = "f" + index++.ToString(CultureInfo.InvariantCulture);
            parameters.Add(name, pattern);
            return $"{column.Column} LIKE @{name}";
        }

        if (single is null)
        {
            return filter.Operator switch
            {
                FilterOperator.Eq => $"{column.Column} IS NULL",
                FilterOperator.Neq => $"{column.Column} IS NOT NULL",
                _ => throw new InvalidQueryException($"Filter on '{filter.Field}' cannot compare with null"),
            };
        }

        var op = filter.Operator switch
        {
            FilterOperator.Eq => "=",
            FilterOperator.Neq => "<>",
            FilterOperator.Gt => ">",
            FilterOperator.Gte => ">=",
            FilterOperator.Lt => "<",
            FilterOperator.Lte => "<=",
            _ => throw new InvalidQueryException($"Unsupported operator on '{filter.Field}'"),
        };
        return $"{column.Column} {op} {Bind(column, single, parameters, ref index)}";
    }

    private static string Bind(ColumnSpec column, string? value, DynamicParameters parameters, ref int index)
    {
        var name = "f" + index++.ToString(CultureInfo.InvariantCulture);
        object? converted = value is null ? null : column.Type switch
        {
            ColumnType.Time => ParseTime(value),
            ColumnType.Bool => bool.TryParse(value, out var b) ? b : throw new InvalidQueryException($"Invalid boolean: '{value}'"),
            ColumnType.Int => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new InvalidQueryException($"Invalid integer: '{value}'"),
            _ => value,
        };
        parameters.Add(name, converted);
        return "@" + name;
    }
}
