namespace Sirocco.Persistence.Environments;

/// <summary>A named set of variables executions read through <c>env()</c>. Unique by name and project.</summary>
/// <param name="Id">UUID text.</param>
/// <param name="Name">Unique name.</param>
/// <param name="Description">Free text, may be null.</param>
/// <param name="VariablesJson">JSON object text.</param>
/// <param name="Scope"><c>private</c> or <c>public</c>.</param>
/// <param name="ProjectId">Owner.</param>
/// <param name="CreatedAt">Creation time (UTC).</param>
/// <param name="UpdatedAt">Last update, null until the first.</param>
public sealed record EnvironmentRecord(
    string Id,
    string Name,
    string? Description,
    string VariablesJson,
    string Scope,
    string ProjectId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt);
