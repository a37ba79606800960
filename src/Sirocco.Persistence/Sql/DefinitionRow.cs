using Sirocco.Persistence.Definitions;

namespace Sirocco.Persistence.Sql;

/// <summary>Row shape of the three definition tables.</summary>
internal sealed class DefinitionRow
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string Namespace { get; set; } = "";

    public string ProjectId { get; set; } = "";

    public string Scope { get; set; } = "";

    public string Definition { get; set; } = "";

    public string? Tags { get; set; }

    public string? Input { get; set; }

    public string? Interface { get; set; }

    public string? Description { get; set; }

    public string? WorkbookName { get; set; }

    public bool IsSystem { get; set; }

    public long CreatedAt { get; set; }

    public long? UpdatedAt { get; set; }

    public static object Parameters(DefinitionRecord r) => new
    {
        r.Id,
        r.Name,
        r.Namespace,
        r.ProjectId,
        r.Scope,
        r.Definition,
        Tags = JsonText.FromList(r.Tags),
        r.Input,
        Interface = r.InterfaceJson,
        r.Description,
        r.WorkbookName,
        r.IsSystem,
        CreatedAt = Micros.From(r.CreatedAt),
        UpdatedAt = Micros.From(r.UpdatedAt),
    };

    public DefinitionRecord ToRecord(DefinitionKind kind) =>
        new(Id, kind, Name, Namespace, ProjectId, Scope, Definition, JsonText.ToList(Tags), Micros.To(CreatedAt), Micros.To(UpdatedAt))
        {
            Input = Input,
            InterfaceJson = Interface,
            Description = Description,
            WorkbookName = WorkbookName,
            IsSystem = IsSystem,
        };
}
