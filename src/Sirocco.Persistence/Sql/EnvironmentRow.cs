using Sirocco.Persistence.Environments;

namespace Sirocco.Persistence.Sql;

/// <summary>Row shape of <c>environments</c>.</summary>
internal sealed class EnvironmentRow
{
    public const string Columns = "id, name, description, variables, scope, project_id, created_at, updated_at";

    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public string Variables { get; set; } = "{}";

    public string Scope { get; set; } = "";

    public string ProjectId { get; set; } = "";

    public long CreatedAt { get; set; }

    public long? UpdatedAt { get; set; }

    public static object Parameters(EnvironmentRecord r) => new
    {
        r.Id,
        r.Name,
        r.Description,
        Variables = r.VariablesJson,
        r.Scope,
        r.ProjectId,
        CreatedAt = Micros.From(r.CreatedAt),
        UpdatedAt = Micros.From(r.UpdatedAt),
    };

    public EnvironmentRecord ToRecord() => new(Id, Name, Description, Variables, Scope, ProjectId, Micros.To(CreatedAt), Micros.To(UpdatedAt));
}
