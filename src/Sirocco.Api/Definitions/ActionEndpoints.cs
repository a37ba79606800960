using Sirocco.Actions.Registry;
using Sirocco.Api.Http;
using Sirocco.Api.Listing;
using Sirocco.Language;
using Sirocco.Language.Model;
using Sirocco.Persistence;
using Sirocco.Persistence.Definitions;
using Sirocco.Persistence.Querying;

namespace Sirocco.Api.Definitions;

/// <summary>
/// <c>/v2/actions</c>: the catalogue of built-in actions (from the action registry) and the ad-hoc
/// actions users upload as YAML. Built-in actions are <c>is_system: true</c> and cannot be changed.
/// </summary>
internal static class ActionEndpoints
{
    public static void Map(RouteGroupBuilder v2)
    {
        var group = v2.MapGroup("/actions").WithTags("Actions");
        group.MapPost("/", CreateAsync).WithSummary("Create ad-hoc actions from YAML text (text/plain)");
        group.MapPut("/", UpdateAsync).WithSummary("Update ad-hoc actions from YAML text");
        group.MapPut("/{identifier}", UpdateAsync).WithSummary("Update ad-hoc actions from YAML text");
        group.MapGet("/", ListAsync).WithSummary("List built-in and ad-hoc actions");
        group.MapGet("/{identifier}/{namespace?}", GetAsync).WithSummary("Get an action by name or id");
        group.MapDelete("/{identifier}/{namespace?}", DeleteAsync).WithSummary("Delete an ad-hoc action");
        group.MapPost("/validate", ValidateAsync).WithSummary("Validate ad-hoc action YAML without storing it");
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, ISiroccoStore store, ActionRegistry registry, TimeProvider clock)
    {
        var text = await RequestText.ReadDefinitionAsync(request);
        var scope = DefinitionParsing.CheckScope(request.Query["scope"]);
        var document = DefinitionParsing.ParseOrThrow(text, DocumentKind.Actions, WorkflowEndpoints.Namespace(request), DefinitionParsing.Limits(request));
        RefuseSystem(document, registry);
        var records = DefinitionParsing.ActionRecords(document, scope, clock.GetUtcNow());
        await store.Definitions.CreateAsync(records, request.HttpContext.RequestAborted);
        return ApiResults.Created(new JsonObject { ["actions"] = new JsonArray([.. records.Select(r => (JsonNode)DefinitionJson.Action(r))]) });
    }

    private static async Task<IResult> UpdateAsync(HttpRequest request, ISiroccoStore store, ActionRegistry registry, TimeProvider clock)
    {
        var text = await RequestText.ReadDefinitionAsync(request);
        var scope = DefinitionParsing.CheckScope(request.Query["scope"]);
        var document = DefinitionParsing.ParseOrThrow(text, DocumentKind.Actions, WorkflowEndpoints.Namespace(request), DefinitionParsing.Limits(request));
        RefuseSystem(document, registry);
        var updated = await store.Definitions.UpdateAsync(DefinitionParsing.ActionRecords(document, scope, clock.GetUtcNow()), request.HttpContext.RequestAborted);
        return ApiResults.Json(new JsonObject { ["actions"] = new JsonArray([.. updated.Select(r => (JsonNode)DefinitionJson.Action(r))]) });
    }

    private static async Task<IResult> ListAsync(HttpRequest request, ISiroccoStore store, ActionRegistry registry)
    {
        var list = ListRequest.Parse(request.Query, DefinitionJson.ActionFields);
        var adHoc = await store.Definitions.ListAsync(DefinitionKind.Action, ListQuery.All, request.HttpContext.RequestAborted);
        var all = registry.Actions.Select(BuiltIn).Concat(adHoc.Select(DefinitionJson.Action));
        return ApiResults.Json(list.Envelope(request, "actions", InMemoryList.Apply(all, list.Query)));
    }

    private static async Task<IResult> GetAsync(string identifier, string? @namespace, HttpRequest request, ISiroccoStore store, ActionRegistry registry)
    {
        if (registry.Find(identifier) is { } descriptor)
        {
            return ApiResults.Json(BuiltIn(descriptor));
        }

        var record = await store.Definitions.GetAsync(DefinitionKind.Action, identifier, Namespace(@namespace, request), request.HttpContext.RequestAborted)
            ?? throw ApiException.NotFound("ActionDefinition", identifier, "name");
        return ApiResults.Json(DefinitionJson.Action(record));
    }

    private static async Task<IResult> DeleteAsync(string identifier, string? @namespace, HttpRequest request, ISiroccoStore store, ActionRegistry registry)
    {
        if (registry.Find(identifier) is not null)
        {
            throw ApiException.BadRequest($"Attempt to delete a system action: {identifier}");
        }

        return await store.Definitions.DeleteAsync(DefinitionKind.Action, identifier, Namespace(@namespace, request), request.HttpContext.RequestAborted)
            ? Results.NoContent()
            : throw ApiException.NotFound("ActionDefinition", identifier, "name");
    }

    private static async Task<IResult> ValidateAsync(HttpRequest request) =>
        Validation.Answer(WorkflowParser.ParseActions(await RequestText.ReadDefinitionAsync(request, allowEmpty: true), DefinitionParsing.ValidationOptions(request)));

    private static string Namespace(string? fromPath, HttpRequest request) =>
        string.IsNullOrEmpty(fromPath) ? WorkflowEndpoints.Namespace(request) : fromPath;

    private static void RefuseSystem(WorkflowDocument document, ActionRegistry registry)
    {
        foreach (var action in document.Actions)
        {
            if (registry.Find(action.Name) is not null)
            {
                throw ApiException.BadRequest($"Attempt to modify a system action: {action.Name}");
            }
        }
    }

    /// <summary>A registry action as a catalogue entry; its id is its name (built-in actions have no database row).</summary>
    private static JsonObject BuiltIn(ActionDescriptor descriptor) => new()
    {
        ["id"] = descriptor.Name,
        ["name"] = descriptor.Name,
        ["namespace"] = string.Empty,
        ["is_system"] = true,
        ["input"] = descriptor.Signature,
        ["description"] = descriptor.Description,
        ["tags"] = new JsonArray(),
        ["definition"] = null,
        ["scope"] = "public",
        ["project_id"] = null,
        ["created_at"] = null,
        ["updated_at"] = null,
    };
}
