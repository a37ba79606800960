using Sirocco.Api.Http;
using Sirocco.Api.Listing;
using Sirocco.Persistence.Definitions;

namespace Sirocco.Api.Definitions;

/// <summary>Stored definitions as Mistral's REST resources show them.</summary>
internal static class DefinitionJson
{
    public static readonly ResourceFields WorkflowFields = ResourceFields.Of(
        "id name namespace input interface definition tags scope project_id created_at updated_at",
        "id name namespace scope project_id created_at updated_at",
        "id name namespace scope project_id tags created_at updated_at");

    public static readonly ResourceFields WorkbookFields = ResourceFields.Of(
        "id name namespace definition tags scope project_id created_at updated_at",
        "id name namespace scope project_id created_at updated_at",
        "id name namespace scope project_id tags created_at updated_at");

    public static readonly ResourceFields ActionFields = ResourceFields.Of(
        "id name namespace is_system input description tags definition scope project_id created_at updated_at",
        "id name namespace is_system scope project_id created_at updated_at",
        "id name namespace is_system scope project_id tags input description created_at updated_at",
        defaultSortKey: "name");

    /// <summary>A workflow; <paramref name="interfaceAsObject"/> is true in create/update answers, where Mistral shows it as an object.</summary>
    public static JsonObject Workflow(DefinitionRecord record, bool interfaceAsObject = false) => new()
    {
        ["id"] = record.Id,
        ["name"] = record.Name,
        ["namespace"] = record.Namespace,
        ["input"] = record.Input,
        ["interface"] = interfaceAsObject
            ? JsonNode.Parse(record.InterfaceJson ?? "{}")
            : ApiResults.JsonString(record.InterfaceJson ?? "{}"),
        ["definition"] = record.Definition,
        ["tags"] = Tags(record.Tags),
        ["scope"] = record.Scope,
        ["project_id"] = record.ProjectId,
        ["created_at"] = MistralTime.Format(record.CreatedAt),
        ["updated_at"] = MistralTime.Format(record.UpdatedAt),
    };

    public static JsonObject Workbook(DefinitionRecord record) => new()
    {
        ["id"] = record.Id,
        ["name"] = record.Name,
        ["namespace"] = record.Namespace,
        ["definition"] = record.Definition,
        ["tags"] = Tags(record.Tags),
        ["scope"] = record.Scope,
        ["project_id"] = record.ProjectId,
        ["created_at"] = MistralTime.Format(record.CreatedAt),
        ["updated_at"] = MistralTime.Format(record.UpdatedAt),
    };

    public static JsonObject Action(DefinitionRecord record) => new()
    {
        ["id"] = record.Id,
        ["name"] = record.Name,
        ["namespace"] = record.Namespace,
        ["is_system"] = record.IsSystem,
        ["input"] = record.Input ?? string.Empty,
        ["description"] = record.Description,
        ["tags"] = Tags(record.Tags),
        ["definition"] = record.Definition,
        ["scope"] = record.Scope,
        ["project_id"] = record.ProjectId,
        ["created_at"] = MistralTime.Format(record.CreatedAt),
        ["updated_at"] = MistralTime.Format(record.UpdatedAt),
    };

    private static JsonArray Tags(IReadOnlyList<string> tags) => [.. tags.Select(t => (JsonNode)JsonValue.Create(t))];
}
