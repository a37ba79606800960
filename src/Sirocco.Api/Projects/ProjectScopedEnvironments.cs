using Sirocco.Persistence.Environments;
using Sirocco.Persistence.Querying;

namespace Sirocco.Api.Projects;

/// <summary>Environments of the caller's project only; names are unique per project, so lookups go by project.</summary>
internal sealed class ProjectScopedEnvironments(IEnvironmentStore inner) : IEnvironmentStore
{
    public Task CreateAsync(EnvironmentRecord environment, CancellationToken cancellationToken) =>
        inner.CreateAsync(environment with { ProjectId = ProjectScope.Owner }, cancellationToken);

    public async Task<EnvironmentRecord> UpdateAsync(EnvironmentRecord environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _ = await GetAsync(environment.Name, cancellationToken) ?? throw new Sirocco.Persistence.EntityNotFoundException("Environment", "name", environment.Name);
        return await inner.UpdateAsync(environment with { ProjectId = ProjectScope.Owner }, cancellationToken);
    }

    public async Task<EnvironmentRecord?> GetAsync(string idOrName, CancellationToken cancellationToken)
    {
        if (ProjectScope.Current is not { } project)
        {
            return await inner.GetAsync(idOrName, cancellationToken);
        }

        var byId = await inner.ListAsync(new ListQuery { Filters = [FieldFilter.Equal("id", idOrName), FieldFilter.Equal("project_id", project)] }, cancellationToken);
        var byName = byId.Count > 0 ? byId : await inner.ListAsync(new ListQuery { Filters = [FieldFilter.Equal("name", idOrName), FieldFilter.Equal("project_id", project)] }, cancellationToken);
        return byName.Count > 0 ? byName[0] : null;
    }

    public async Task<bool> DeleteAsync(string idOrName, CancellationToken cancellationToken) =>
        await GetAsync(idOrName, cancellationToken) is { } own && await inner.DeleteAsync(own.Id, cancellationToken);

    public Task<IReadOnlyList<EnvironmentRecord>> ListAsync(ListQuery query, CancellationToken cancellationToken) =>
        inner.ListAsync(ProjectFilter.Own(query), cancellationToken);
}
