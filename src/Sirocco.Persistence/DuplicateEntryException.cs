namespace Sirocco.Persistence;

/// <summary>
/// A row with the same unique key already exists. The message follows Mistral's
/// <c>Duplicate entry for WorkflowDefinition ['name', 'namespace', 'project_id']: demo_wf, , None</c>
/// so that the API can pass it through as the 409 <c>faultstring</c>.
/// </summary>
public sealed class DuplicateEntryException : PersistenceException
{
    /// <summary>Creates the exception for <paramref name="entity"/> with the given unique key.</summary>
    public DuplicateEntryException(string entity, IReadOnlyList<string> keyColumns, IReadOnlyList<string?> keyValues, Exception? innerException = null)
        : base(FormatMessage(entity, keyColumns, keyValues), innerException ?? new InvalidOperationException("duplicate key"))
    {
        Entity = entity;
    }

    /// <summary>Mistral's model name, e.g. <c>WorkflowDefinition</c>.</summary>
    public string Entity { get; }

    private static string FormatMessage(string entity, IReadOnlyList<string> keyColumns, IReadOnlyList<string?> keyValues) =>
        $"Duplicate entry for {entity} [{string.Join(", ", keyColumns.Select(c => $"'{c}'"))}]: {string.Join(", ", keyValues.Select(v => v ?? "None"))}";
}
