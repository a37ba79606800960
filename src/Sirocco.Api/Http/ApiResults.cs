namespace Sirocco.Api.Http;

/// <summary>JSON answers built from <see cref="JsonNode"/> trees, so field order and nulls are exactly as Mistral shows them.</summary>
internal static class ApiResults
{
    public static IResult Json(JsonNode node, int status = StatusCodes.Status200OK) =>
        Results.Content(node.ToJsonString(), "application/json", System.Text.Encoding.UTF8, status);

    public static IResult Created(JsonNode node) => Json(node, StatusCodes.Status201Created);

    /// <summary>A JSON text stored in the database, shown as Mistral shows nested data: as a JSON string.</summary>
    public static JsonNode? JsonString(string? json) => json is null ? null : JsonValue.Create(json);
}
