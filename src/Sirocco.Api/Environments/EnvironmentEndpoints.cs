using Sirocco.Api.Definitions;
using Sirocco.Api.Http;
using Sirocco.Api.Listing;
using Sirocco.Persistence;
using Sirocco.Persistence.Environments;

namespace Sirocco.Api.Environments;

/// <summary><c>/v2/environments</c>: named variable sets that executions read through <c>env()</c>.</summary>
internal static class EnvironmentEndpoints
{
    private static readonly string[] BodyFields = ["id", "name", "description", "variables", "scope", "project_id", "created_at", "updated_at"];

    private static readonly ResourceFields Fields = ResourceFields.Of(
        "id name description variables scope project_id created_at updated_at",
        "id name description scope project_id created_at updated_at");

    public static void Map(RouteGroupBuilder v2)
    {
        var group = v2.MapGroup("/environments").WithTags("Environments");
        group.MapPost("/", CreateAsync).WithSummary("Create an environment");
        group.MapPut("/", UpdateAsync).WithSummary("Update an environment (fields not given keep their value)");
        group.MapGet("/", ListAsync).WithSummary("List environments");
        group.MapGet("/{name}", GetAsync).WithSummary("Get an environment by name or id");
        group.MapDelete("/{name}", DeleteAsync).WithSummary("Delete an environment");
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, ISiroccoStore store, TimeProvider clock)
    {
        var body = await JsonBody.ReadAsync(request, "environment", BodyFields);
        var name = Required(body.String("name"), "name");
        var variables = body.Object("variables") ?? throw ApiException.BadRequest("Environment is missing field \"variables\"");
        var record = new EnvironmentRecord(Guid.NewGuid().ToString(), name, body.String("description"), variables.ToJsonString(),
            DefinitionParsing.CheckScope(body.String("scope")), DefinitionParsing.DefaultProject, clock.GetUtcNow(), null);
        await store.Environments.CreateAsync(record, request.HttpContext.RequestAborted);
        return ApiResults.Created(Json(record));
    }

    private static async Task<IResult> UpdateAsync(HttpRequest request, ISiroccoStore store)
    {
        var body = await JsonBody.ReadAsync(request, "environment", BodyFields);
        var name = Required(body.String("name"), "name");
        var variables = body.Object("variables");
        var description = body.String("description");
        var scope = body.Has("scope") ? DefinitionParsing.CheckScope(body.String("scope")) : null;
        var existing = await store.Environments.GetAsync(name, request.HttpContext.RequestAborted)
            ?? throw ApiException.NotFound("Environment", name, "name");
        var changed = existing with
        {
            Description = body.Has("description") ? description : existing.Description,
            VariablesJson = variables?.ToJsonString() ?? existing.VariablesJson,
            Scope = scope ?? existing.Scope,
        };
        var updated = await store.Environments.UpdateAsync(changed, request.HttpContext.RequestAborted);
        return ApiResults.Json(Json(updated));
    }

    private static async Task<IResult> ListAsync(HttpRequest request, ISiroccoStore store)
    {
        var list = ListRequest.Parse(request.Query, Fields);
        var rows = await store.Environments.ListAsync(list.Query, request.HttpContext.RequestAborted);
        return ApiResults.Json(list.Envelope(request, "environments", [.. rows.Select(Json)]));
    }

    private static async Task<IResult> GetAsync(string name, HttpRequest request, ISiroccoStore store)
    {
        var record = await store.Environments.GetAsync(name, request.HttpContext.RequestAborted)
            ?? throw ApiException.NotFound("Environment", name, "name");
        return ApiResults.Json(Json(record));
    }

    private static async Task<IResult> DeleteAsync(string name, HttpRequest request, ISiroccoStore store) =>
        await store.Environments.DeleteAsync(name, request.HttpContext.RequestAborted)
            ? Results.NoContent()
            : throw ApiException.NotFound("Environment", name, "name");

    internal static string Required(string? value, string field, string resource = "Environment") =>
        string.IsNullOrWhiteSpace(value) ? throw ApiException.BadRequest($"{resource} is missing field \"{field}\"") : value;

    private static JsonObject Json(EnvironmentRecord record) => new()
    {
        ["id"] = record.Id,
        ["name"] = record.Name,
        ["description"] = record.Description,
        ["variables"] = ApiResults.JsonString(record.VariablesJson),
        ["scope"] = record.Scope,
        ["project_id"] = record.ProjectId,
        ["created_at"] = MistralTime.Format(record.CreatedAt),
        ["updated_at"] = MistralTime.Format(record.UpdatedAt),
    };
}
