namespace Sirocco.Persistence.Definitions;

/// <summary>
/// One stored workbook, workflow or ad-hoc action definition. Unique by
/// (<see cref="Kind"/>, <see cref="Name"/>, <see cref="Namespace"/>, <see cref="ProjectId"/>), as Mistral.
/// </summary>
/// <param name="Id">UUID text.</param>
/// <param name="Kind">Which table.</param>
/// <param name="Name">Full name (<c>wb.wf</c> for a workflow of a workbook).</param>
/// <param name="Namespace">Mistral namespace, <c>""</c> by default.</param>
/// <param name="ProjectId">Owner; <c>&lt;default-project&gt;</c> with auth off.</param>
/// <param name="Scope"><c>private</c> or <c>public</c>.</param>
/// <param name="Definition">The YAML text exactly as uploaded.</param>
/// <param name="Tags">Tags from the YAML.</param>
/// <param name="CreatedAt">Creation time (UTC).</param>
/// <param name="UpdatedAt">Last update, <c>null</c> until the first update (Mistral shows <c>null</c>).</param>
public sealed record DefinitionRecord(
    string Id,
    DefinitionKind Kind,
    string Name,
    string Namespace,
    string ProjectId,
    string Scope,
    string Definition,
    IReadOnlyList<string> Tags,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt)
{
    /// <summary>Input signature display text (<c>a, b=1</c>) for workflows and actions; <c>null</c> for workbooks.</summary>
    public string? Input { get; init; }

    /// <summary>Workflow <c>interface</c> (<c>{"input": […], "output": […]}</c>) as JSON text; workflows only.</summary>
    public string? InterfaceJson { get; init; }

    /// <summary>Description from the YAML (actions show it).</summary>
    public string? Description { get; init; }

    /// <summary>Name of the workbook this workflow or action came from, if any.</summary>
    public string? WorkbookName { get; init; }

    /// <summary>Built-in definitions shipped with the service, not deletable by users.</summary>
    public bool IsSystem { get; init; }
}
