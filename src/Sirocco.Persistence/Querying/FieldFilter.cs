namespace Sirocco.Persistence.Querying;

/// <summary>
/// One filter of a list request, on a field named as the REST API names it (<c>name</c>,
/// <c>workflow_name</c>, <c>state</c>, <c>created_at</c>, <c>tags</c> …). A store rejects a field it
/// does not know with <see cref="InvalidQueryException"/>. Time fields take ISO-8601 or Mistral's
/// <c>yyyy-MM-dd HH:mm:ss</c> text.
/// </summary>
/// <param name="Field">API field name.</param>
/// <param name="Operator">Comparison.</param>
/// <param name="Values">One value, or several for <see cref="FilterOperator.In"/> / <see cref="FilterOperator.Nin"/>; <c>null</c> matches SQL NULL.</param>
public sealed record FieldFilter(string Field, FilterOperator Operator, IReadOnlyList<string?> Values)
{
    /// <summary>Shorthand for <c>field=eq:value</c>.</summary>
    public static FieldFilter Equal(string field, string? value) => new(field, FilterOperator.Eq, [value]);
}
