using Cronos;
using Sirocco.Api.Definitions;
using Sirocco.Api.Environments;
using Sirocco.Api.Executions;
using Sirocco.Api.Http;
using Sirocco.Api.Listing;
using Sirocco.Persistence;
using Sirocco.Persistence.CronTriggers;
using Sirocco.Persistence.Definitions;
using Sirocco.Runtime.Scheduling;

namespace Sirocco.Api.CronTriggers;

/// <summary>
/// <c>/v2/cron_triggers</c>: stores the schedule (pattern, first execution time, remaining executions);
/// the scheduler fires due triggers from <c>next_execution_time</c>.
/// </summary>
internal static class CronTriggerEndpoints
{
    private static readonly string[] BodyFields =
    [
        "id", "name", "workflow_name", "workflow_id", "workflow_input", "workflow_params", "pattern",
        "first_execution_time", "remaining_executions", "next_execution_time", "scope", "project_id", "created_at", "updated_at",
    ];

    private static readonly ResourceFields Fields = ResourceFields.Of(
        "id name workflow_name workflow_id workflow_input workflow_params project_id scope pattern remaining_executions first_execution_time next_execution_time created_at updated_at",
        "id name pattern workflow_name workflow_id scope project_id next_execution_time remaining_executions created_at updated_at");

    public static void Map(RouteGroupBuilder v2)
    {
        var group = v2.MapGroup("/cron_triggers").WithTags("Cron triggers");
        group.MapPost("/", CreateAsync).WithSummary("Create a cron trigger");
        group.MapGet("/", ListAsync).WithSummary("List cron triggers");
        group.MapGet("/{identifier}", GetAsync).WithSummary("Get a cron trigger by name or id");
        group.MapDelete("/{identifier}", DeleteAsync).WithSummary("Delete a cron trigger");
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, ISiroccoStore store, TimeProvider clock)
    {
        var cancel = request.HttpContext.RequestAborted;
        var body = await JsonBody.ReadAsync(request, "cron_trigger", BodyFields);
        var name = EnvironmentEndpoints.Required(body.String("name"), "name", "CronTrigger");
        var workflowName = body.String("workflow_name");
        var workflowId = body.String("workflow_id");
        var input = body.Object("workflow_input") ?? [];
        var parameters = body.Object("workflow_params") ?? [];
        var pattern = body.String("pattern");
        var firstText = body.String("first_execution_time");
        var remaining = body.Int("remaining_executions", 1);
        var now = clock.GetUtcNow();

        if (string.IsNullOrEmpty(pattern) && string.IsNullOrEmpty(firstText))
        {
            throw ApiException.BadRequest("Pattern or first_execution_time must be specified.");
        }

        DateTimeOffset? first = null;
        if (!string.IsNullOrEmpty(firstText))
        {
            if (!MistralTime.TryParse(firstText, out var parsed))
            {
                throw ApiException.BadRequest($"Invalid first_execution_time: '{firstText}'. Expected 'YYYY-MM-DD HH:MM'.");
            }

            if (parsed <= now)
            {
                throw ApiException.BadRequest("first_execution_time must be greater than current time.");
            }

            first = parsed;
        }

        if (string.IsNullOrEmpty(pattern) && remaining > 1)
        {
            throw ApiException.BadRequest("Pattern must be provided if count is superior to 1.");
        }

        var cron = string.IsNullOrEmpty(pattern) ? null : ParsePattern(pattern);
        var next = first ?? cron!.GetNextOccurrence(now.UtcDateTime, inclusive: false)
            ?? throw ApiException.BadRequest($"The pattern '{pattern}' never fires.");
        if (cron is null && remaining is null)
        {
            // A one-shot trigger (first time, no pattern) runs once.
            remaining = 1;
        }

        var identifier = workflowId ?? workflowName ?? throw ApiException.BadRequest("CronTrigger is missing field \"workflow_name\" or \"workflow_id\"");
        var ns = parameters["namespace"] is JsonValue nsValue && nsValue.GetValueKind() == JsonValueKind.String ? nsValue.GetValue<string>() : string.Empty;
        var workflow = await store.Definitions.GetAsync(DefinitionKind.Workflow, identifier, ns, cancel)
            ?? throw ApiException.NotFound("WorkflowDefinition", identifier, "identifier");
        WorkflowInputCheck.Check(workflow, input);

        var record = new CronTriggerRecord(Guid.NewGuid().ToString(), name, string.IsNullOrEmpty(pattern) ? null : pattern, first,
            new DateTimeOffset(next.UtcDateTime, TimeSpan.Zero), remaining, workflow.Name, workflow.Id, input.ToJsonString(), parameters.ToJsonString(),
            DefinitionParsing.CheckScope(body.String("scope")), DefinitionParsing.DefaultProject, now, null);
        await store.CronTriggers.CreateAsync(record, cancel);
        return ApiResults.Created(Json(record));
    }

    private static async Task<IResult> ListAsync(HttpRequest request, ISiroccoStore store)
    {
        var list = ListRequest.Parse(request.Query, Fields);
        var rows = await store.CronTriggers.ListAsync(list.Query, request.HttpContext.RequestAborted);
        return ApiResults.Json(list.Envelope(request, "cron_triggers", [.. rows.Select(Json)]));
    }

    private static async Task<IResult> GetAsync(string identifier, HttpRequest request, ISiroccoStore store)
    {
        var record = await store.CronTriggers.GetAsync(identifier, request.HttpContext.RequestAborted)
            ?? throw ApiException.NotFound("CronTrigger", identifier, "identifier");
        return ApiResults.Json(Json(record));
    }

    private static async Task<IResult> DeleteAsync(string identifier, HttpRequest request, ISiroccoStore store) =>
        await store.CronTriggers.DeleteAsync(identifier, request.HttpContext.RequestAborted)
            ? Results.NoContent()
            : throw ApiException.NotFound("CronTrigger", identifier, "identifier");

    /// <summary>Five fields as cron, or six with the seconds last, as Mistral's croniter reads them.</summary>
    internal static CronExpression ParsePattern(string pattern) =>
        CronPatterns.TryParse(pattern, out var cron)
            ? cron
            : throw ApiException.BadRequest($"The specified pattern is not valid: {pattern}");

    private static JsonObject Json(CronTriggerRecord record) => new()
    {
        ["id"] = record.Id,
        ["name"] = record.Name,
        ["workflow_name"] = record.WorkflowName,
        ["workflow_id"] = record.WorkflowId,
        ["workflow_input"] = ApiResults.JsonString(record.WorkflowInputJson),
        ["workflow_params"] = ApiResults.JsonString(record.WorkflowParamsJson),
        ["project_id"] = record.ProjectId,
        ["scope"] = record.Scope,
        ["pattern"] = record.Pattern,
        ["remaining_executions"] = record.RemainingExecutions,
        ["first_execution_time"] = MistralTime.Format(record.FirstExecutionTime),
        ["next_execution_time"] = MistralTime.Format(record.NextExecutionTime),
        ["created_at"] = MistralTime.Format(record.CreatedAt),
        ["updated_at"] = MistralTime.Format(record.UpdatedAt),
    };
}
