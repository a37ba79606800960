using Sirocco.Api.Http;

namespace Sirocco.Api.Auth;

/// <summary>
/// <c>/v2/keys</c> (admin scope, not part of Mistral's API): the same key management as <c>sirocco key …</c>, for
/// operators without access to the database. The full key is in the answer to the POST only.
/// </summary>
internal static class KeyEndpoints
{
    private static readonly string[] BodyFields = ["scope", "project_id", "expires_in", "description"];

    public static void Map(RouteGroupBuilder v2)
    {
        var group = v2.MapGroup("/keys").WithTags("API keys");
        group.MapPost("/", CreateAsync).WithSummary("Create an API key (admin); the key is shown once");
        group.MapGet("/", ListAsync).WithSummary("List API keys (admin)");
        group.MapDelete("/{id}", RevokeAsync).WithSummary("Revoke an API key (admin)");
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, SqlApiKeyStore store, TimeProvider clock)
    {
        var body = await JsonBody.ReadAsync(request, "key", BodyFields);
        var scopeText = body.String("scope") ?? "read";
        if (!Enum.TryParse<ApiKeyScope>(scopeText, ignoreCase: true, out var scope) || !Enum.IsDefined(scope) || int.TryParse(scopeText, out _))
        {
            throw ApiException.BadRequest($"Invalid scope '{scopeText}': expected read, write or admin.");
        }

        var project = body.String("project_id") is { Length: > 0 } p ? p : Projects.ProjectScope.DefaultProject;
        TimeSpan? lifetime;
        try
        {
            lifetime = body.String("expires_in") is { } text ? ApiKeyAdmin.ParseLifetime(text) : null;
        }
        catch (FormatException error)
        {
            throw ApiException.BadRequest(error.Message);
        }

        var (key, stored) = await new ApiKeyAdmin(store, clock).CreateAsync(scope, project, lifetime, body.String("description"), request.HttpContext.RequestAborted);
        var json = Json(stored, clock.GetUtcNow());
        json["key"] = key;
        return ApiResults.Created(json);
    }

    private static async Task<IResult> ListAsync(HttpRequest request, SqlApiKeyStore store, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var keys = await store.ListAsync(request.HttpContext.RequestAborted);
        return ApiResults.Json(new JsonObject { ["keys"] = new JsonArray([.. keys.Select(k => (JsonNode)Json(k, now))]) });
    }

    private static async Task<IResult> RevokeAsync(string id, HttpRequest request, SqlApiKeyStore store, TimeProvider clock) =>
        await store.RevokeAsync(id, clock.GetUtcNow(), request.HttpContext.RequestAborted)
            ? Results.NoContent()
            : throw ApiException.NotFound("ApiKey", id);

    internal static JsonObject Json(StoredApiKey key, DateTimeOffset now) => new()
    {
        ["id"] = key.Id,
        ["scope"] = key.Scope.ToString().ToLowerInvariant(),
        ["project_id"] = key.ProjectId,
        ["description"] = key.Description,
        ["created_at"] = MistralTime.Format(key.CreatedAt),
        ["expires_at"] = key.ExpiresAt is { } e ? MistralTime.Format(e) : null,
        ["revoked_at"] = key.RevokedAt is { } r ? MistralTime.Format(r) : null,
        ["valid"] = key.IsValidAt(now),
    };
}
