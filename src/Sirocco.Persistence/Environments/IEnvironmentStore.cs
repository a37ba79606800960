using Sirocco.Persistence.Querying;

namespace Sirocco.Persistence.Environments;

/// <summary>Environments (Mistral <c>/v2/environments</c>).</summary>
public interface IEnvironmentStore
{
    /// <summary>Inserts; throws <see cref="DuplicateEntryException"/> when the name is taken, <see cref="FieldTooLargeException"/> when the variables are too big.</summary>
    Task CreateAsync(EnvironmentRecord environment, CancellationToken cancellationToken);

    /// <summary>Replaces description, variables and scope of the environment with this name; returns the stored row or throws <see cref="EntityNotFoundException"/>.</summary>
    Task<EnvironmentRecord> UpdateAsync(EnvironmentRecord environment, CancellationToken cancellationToken);

    /// <summary>Finds by id or name.</summary>
    Task<EnvironmentRecord?> GetAsync(string idOrName, CancellationToken cancellationToken);

    /// <summary>Deletes by id or name; false when nothing matched.</summary>
    Task<bool> DeleteAsync(string idOrName, CancellationToken cancellationToken);

    /// <summary>One page. Filter fields: id, name, description, scope, project_id, created_at, updated_at.</summary>
    Task<IReadOnlyList<EnvironmentRecord>> ListAsync(ListQuery query, CancellationToken cancellationToken);
}
