using Sirocco.Persistence.Querying;

namespace Sirocco.Persistence.Definitions;

/// <summary>Workbooks, workflow definitions and ad-hoc action definitions.</summary>
public interface IDefinitionStore
{
    /// <summary>
    /// Inserts all <paramref name="definitions"/> in one transaction (a workbook and its workflows
    /// appear together or not at all). Throws <see cref="DuplicateEntryException"/> if one exists.
    /// </summary>
    Task CreateAsync(IReadOnlyList<DefinitionRecord> definitions, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the text and derived fields of existing definitions, matched by kind, name,
    /// namespace and project, in one transaction; keeps their id and <c>created_at</c>, sets
    /// <c>updated_at</c>. Returns the stored rows. Throws <see cref="EntityNotFoundException"/> if one is missing.
    /// </summary>
    Task<IReadOnlyList<DefinitionRecord>> UpdateAsync(IReadOnlyList<DefinitionRecord> definitions, CancellationToken cancellationToken);

    /// <summary>Finds a definition by id, or else by name within <paramref name="namespace"/>.</summary>
    Task<DefinitionRecord?> GetAsync(DefinitionKind kind, string idOrName, string @namespace, CancellationToken cancellationToken);

    /// <summary>Deletes by id or name; returns false when nothing matched.</summary>
    Task<bool> DeleteAsync(DefinitionKind kind, string idOrName, string @namespace, CancellationToken cancellationToken);

    /// <summary>One page of definitions of <paramref name="kind"/>. Filter fields: id, name, namespace, scope, project_id, tags, workbook_name, is_system, created_at, updated_at.</summary>
    Task<IReadOnlyList<DefinitionRecord>> ListAsync(DefinitionKind kind, ListQuery query, CancellationToken cancellationToken);
}
