using Sirocco.Api.Http;
using Sirocco.Api.Listing;
using Sirocco.Language;
using Sirocco.Language.Model;
using Sirocco.Persistence;
using Sirocco.Persistence.Definitions;
using Sirocco.Persistence.Querying;

namespace Sirocco.Api.Definitions;

/// <summary><c>/v2/workflows</c>: standalone workflows uploaded as YAML text.</summary>
internal static class WorkflowEndpoints
{
    public static void Map(RouteGroupBuilder v2)
    {
        var group = v2.MapGroup("/workflows").WithTags("Workflows");
        group.MapPost("/", CreateAsync).WithSummary("Create workflows from YAML text (text/plain)");
        group.MapPut("/", UpdateAllAsync).WithSummary("Update workflows from YAML text");
        group.MapPut("/{identifier}", UpdateOneAsync).WithSummary("Update one workflow by id or name");
        group.MapGet("/", ListAsync).WithSummary("List workflows");
        group.MapGet("/{identifier}", GetAsync).WithSummary("Get a workflow by id or name");
        group.MapDelete("/{identifier}", DeleteAsync).WithSummary("Delete a workflow");
        group.MapPost("/validate", ValidateAsync).WithSummary("Validate workflow YAML without storing it");
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, ISiroccoStore store, TimeProvider clock)
    {
        var text = await RequestText.ReadDefinitionAsync(request);
        var scope = DefinitionParsing.CheckScope(request.Query["scope"]);
        var document = DefinitionParsing.ParseOrThrow(text, DocumentKind.Workflows, Namespace(request), DefinitionParsing.Limits(request));
        var records = DefinitionParsing.WorkflowRecords(document, scope, clock.GetUtcNow());
        await store.Definitions.CreateAsync(records, request.HttpContext.RequestAborted);
        return ApiResults.Created(new JsonObject { ["workflows"] = Array(records) });
    }

    private static async Task<IResult> UpdateAllAsync(HttpRequest request, ISiroccoStore store, TimeProvider clock)
    {
        var text = await RequestText.ReadDefinitionAsync(request);
        var scope = DefinitionParsing.CheckScope(request.Query["scope"]);
        var document = DefinitionParsing.ParseOrThrow(text, DocumentKind.Workflows, Namespace(request), DefinitionParsing.Limits(request));
        await RefuseSystemAsync(store, document, request.HttpContext.RequestAborted);
        var updated = await store.Definitions.UpdateAsync(DefinitionParsing.WorkflowRecords(document, scope, clock.GetUtcNow()), request.HttpContext.RequestAborted);
        return ApiResults.Json(new JsonObject { ["workflows"] = Array(updated) });
    }

    private static async Task<IResult> UpdateOneAsync(string identifier, HttpRequest request, ISiroccoStore store, TimeProvider clock)
    {
        var text = await RequestText.ReadDefinitionAsync(request);
        var scope = DefinitionParsing.CheckScope(request.Query["scope"]);
        var ns = Namespace(request);
        var document = DefinitionParsing.ParseOrThrow(text, DocumentKind.Workflows, ns, DefinitionParsing.Limits(request));
        var existing = await store.Definitions.GetAsync(DefinitionKind.Workflow, identifier, ns, request.HttpContext.RequestAborted)
            ?? throw ApiException.NotFound("WorkflowDefinition", identifier, "identifier");
        if (document.Workflows.Length != 1)
        {
            throw ApiException.BadRequest($"The definition must contain exactly one workflow to update workflow {identifier}; it has {document.Workflows.Length}.");
        }

        if (document.Workflows[0].Name != existing.Name)
        {
            throw ApiException.BadRequest($"Workflow name in the definition ('{document.Workflows[0].Name}') does not match the workflow being updated ('{existing.Name}').");
        }

        await RefuseSystemAsync(store, document, request.HttpContext.RequestAborted);
        var updated = await store.Definitions.UpdateAsync(DefinitionParsing.WorkflowRecords(document, scope, clock.GetUtcNow()), request.HttpContext.RequestAborted);
        return ApiResults.Json(DefinitionJson.Workflow(updated[0], interfaceAsObject: true));
    }

    private static async Task<IResult> ListAsync(HttpRequest request, ISiroccoStore store)
    {
        var list = ListRequest.Parse(request.Query, DefinitionJson.WorkflowFields);
        var rows = await store.Definitions.ListAsync(DefinitionKind.Workflow, list.Query, request.HttpContext.RequestAborted);
        return ApiResults.Json(list.Envelope(request, "workflows", [.. rows.Select(r => DefinitionJson.Workflow(r))]));
    }

    private static async Task<IResult> GetAsync(string identifier, HttpRequest request, ISiroccoStore store)
    {
        var record = await store.Definitions.GetAsync(DefinitionKind.Workflow, identifier, Namespace(request), request.HttpContext.RequestAborted)
            ?? throw ApiException.NotFound("WorkflowDefinition", identifier, "identifier");
        return ApiResults.Json(DefinitionJson.Workflow(record));
    }

    private static async Task<IResult> DeleteAsync(string identifier, HttpRequest request, ISiroccoStore store)
    {
        var cancel = request.HttpContext.RequestAborted;
        var record = await store.Definitions.GetAsync(DefinitionKind.Workflow, identifier, Namespace(request), cancel)
            ?? throw ApiException.NotFound("WorkflowDefinition", identifier, "identifier");
        if (record.IsSystem)
        {
            throw ApiException.BadRequest($"Attempt to delete a system workflow: {record.Name}");
        }

        var triggers = await store.CronTriggers.ListAsync(new ListQuery { Filters = [FieldFilter.Equal("workflow_id", record.Id)] }, cancel);
        if (triggers.Count > 0)
        {
            throw ApiException.BadRequest(
                $"Can't delete workflow that has cron triggers associated. [workflow_identifier={identifier}, trigger_names={string.Join(", ", triggers.Select(t => t.Name))}]");
        }

        await store.Definitions.DeleteAsync(DefinitionKind.Workflow, record.Id, record.Namespace, cancel);
        return Results.NoContent();
    }

    private static async Task<IResult> ValidateAsync(HttpRequest request) =>
        Validation.Answer(WorkflowParser.ParseWorkflows(await RequestText.ReadDefinitionAsync(request, allowEmpty: true), DefinitionParsing.ValidationOptions(request)));

    private static async Task RefuseSystemAsync(ISiroccoStore store, WorkflowDocument document, CancellationToken cancel)
    {
        foreach (var workflow in document.Workflows)
        {
            var existing = await store.Definitions.GetAsync(DefinitionKind.Workflow, workflow.Name, document.Namespace, cancel);
            if (existing is { IsSystem: true })
            {
                throw ApiException.BadRequest($"Attempt to modify a system workflow: {workflow.Name}");
            }
        }
    }

    internal static string Namespace(HttpRequest request) => request.Query["namespace"].ToString();

    private static JsonArray Array(IEnumerable<DefinitionRecord> records) =>
        [.. records.Select(r => (JsonNode)DefinitionJson.Workflow(r, interfaceAsObject: true))];
}
