namespace Sirocco.Persistence;

/// <summary>An update or delete named a row that does not exist; message as Mistral's <c>WorkflowDefinition not found [name=…]</c>.</summary>
public sealed class EntityNotFoundException : PersistenceException
{
    /// <summary>Creates the exception for <paramref name="entity"/> identified by <paramref name="key"/>.</summary>
    public EntityNotFoundException(string entity, string keyName, string key)
        : base($"{entity} not found [{keyName}={key}]")
    {
        Entity = entity;
    }

    /// <summary>Mistral's model name, e.g. <c>Environment</c>.</summary>
    public string Entity { get; }
}
