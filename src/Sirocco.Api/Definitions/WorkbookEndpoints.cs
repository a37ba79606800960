using Sirocco.Api.Http;
using Sirocco.Api.Listing;
using Sirocco.Language;
using Sirocco.Language.Model;
using Sirocco.Persistence;
using Sirocco.Persistence.Definitions;

namespace Sirocco.Api.Definitions;

/// <summary><c>/v2/workbooks</c>: a workbook and its workflows and actions (stored as <c>wb.name</c>).</summary>
internal static class WorkbookEndpoints
{
    public static void Map(RouteGroupBuilder v2)
    {
        var group = v2.MapGroup("/workbooks").WithTags("Workbooks");
        group.MapPost("/", CreateAsync).WithSummary("Create a workbook from YAML text (text/plain)");
        group.MapPut("/", UpdateAsync).WithSummary("Update a workbook from YAML text");
        group.MapGet("/", ListAsync).WithSummary("List workbooks");
        group.MapGet("/{name}", GetAsync).WithSummary("Get a workbook");
        group.MapDelete("/{name}", DeleteAsync).WithSummary("Delete a workbook (its workflows stay, as in Mistral)");
        group.MapPost("/validate", ValidateAsync).WithSummary("Validate workbook YAML without storing it");
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, ISiroccoStore store, TimeProvider clock)
    {
        var text = await RequestText.ReadDefinitionAsync(request);
        var scope = DefinitionParsing.CheckScope(request.Query["scope"]);
        var document = DefinitionParsing.ParseOrThrow(text, DocumentKind.Workbook, WorkflowEndpoints.Namespace(request), DefinitionParsing.Limits(request));
        var now = clock.GetUtcNow();
        var workbook = DefinitionParsing.WorkbookRecord(document, scope, now);
        List<DefinitionRecord> all =
        [
            workbook,
            .. DefinitionParsing.WorkflowRecords(document, scope, now, workbook.Name),
            .. DefinitionParsing.ActionRecords(document, scope, now, workbook.Name),
        ];
        await store.Definitions.CreateAsync(all, request.HttpContext.RequestAborted);
        return ApiResults.Created(DefinitionJson.Workbook(workbook));
    }

    private static async Task<IResult> UpdateAsync(HttpRequest request, ISiroccoStore store, TimeProvider clock)
    {
        var cancel = request.HttpContext.RequestAborted;
        var text = await RequestText.ReadDefinitionAsync(request);
        var scope = DefinitionParsing.CheckScope(request.Query["scope"]);
        var document = DefinitionParsing.ParseOrThrow(text, DocumentKind.Workbook, WorkflowEndpoints.Namespace(request), DefinitionParsing.Limits(request));
        var now = clock.GetUtcNow();
        var workbook = DefinitionParsing.WorkbookRecord(document, scope, now);
        if (await store.Definitions.GetAsync(DefinitionKind.Workbook, workbook.Name, workbook.Namespace, cancel) is null)
        {
            throw ApiException.NotFound("Workbook", workbook.Name, "name");
        }

        // Workflows and actions the new text adds are created, the others updated (Mistral does the same).
        var children = DefinitionParsing.WorkflowRecords(document, scope, now, workbook.Name)
            .Concat(DefinitionParsing.ActionRecords(document, scope, now, workbook.Name)).ToList();
        var existing = new List<DefinitionRecord>();
        var added = new List<DefinitionRecord>();
        foreach (var child in children)
        {
            var found = await store.Definitions.GetAsync(child.Kind, child.Name, child.Namespace, cancel);
            (found is null ? added : existing).Add(child);
        }

        var updated = await store.Definitions.UpdateAsync([workbook, .. existing], cancel);
        if (added.Count > 0)
        {
            await store.Definitions.CreateAsync(added, cancel);
        }

        return ApiResults.Json(DefinitionJson.Workbook(updated[0]));
    }

    private static async Task<IResult> ListAsync(HttpRequest request, ISiroccoStore store)
    {
        var list = ListRequest.Parse(request.Query, DefinitionJson.WorkbookFields);
        var rows = await store.Definitions.ListAsync(DefinitionKind.Workbook, list.Query, request.HttpContext.RequestAborted);
        return ApiResults.Json(list.Envelope(request, "workbooks", [.. rows.Select(DefinitionJson.Workbook)]));
    }

    private static async Task<IResult> GetAsync(string name, HttpRequest request, ISiroccoStore store)
    {
        var record = await store.Definitions.GetAsync(DefinitionKind.Workbook, name, WorkflowEndpoints.Namespace(request), request.HttpContext.RequestAborted)
            ?? throw ApiException.NotFound("Workbook", name, "name");
        return ApiResults.Json(DefinitionJson.Workbook(record));
    }

    private static async Task<IResult> DeleteAsync(string name, HttpRequest request, ISiroccoStore store) =>
        await store.Definitions.DeleteAsync(DefinitionKind.Workbook, name, WorkflowEndpoints.Namespace(request), request.HttpContext.RequestAborted)
            ? Results.NoContent()
            : throw ApiException.NotFound("Workbook", name, "name");

    private static async Task<IResult> ValidateAsync(HttpRequest request) =>
        Validation.Answer(WorkflowParser.ParseWorkbook(await RequestText.ReadDefinitionAsync(request, allowEmpty: true), DefinitionParsing.ValidationOptions(request)));
}
