using Sirocco.Persistence.CronTriggers;
using Sirocco.Persistence.Querying;

namespace Sirocco.Api.Projects;

/// <summary>Cron triggers of the caller's project only; the scheduler's calls pass through.</summary>
internal sealed class ProjectScopedCronTriggers(ICronTriggerStore inner) : ICronTriggerStore
{
    public Task CreateAsync(CronTriggerRecord trigger, CancellationToken cancellationToken) =>
        inner.CreateAsync(trigger with { ProjectId = ProjectScope.Owner }, cancellationToken);

    public async Task<CronTriggerRecord?> GetAsync(string idOrName, CancellationToken cancellationToken)
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

    public Task<IReadOnlyList<CronTriggerRecord>> ListAsync(ListQuery query, CancellationToken cancellationToken) =>
        inner.ListAsync(ProjectFilter.Own(query), cancellationToken);

    public Task<IReadOnlyList<CronTriggerRecord>> ListDueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken) =>
        inner.ListDueAsync(now, limit, cancellationToken);
}
