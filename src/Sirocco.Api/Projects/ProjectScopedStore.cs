using Sirocco.Persistence;
using Sirocco.Persistence.CronTriggers;
using Sirocco.Persistence.Definitions;
using Sirocco.Persistence.Durable;
using Sirocco.Persistence.Environments;
using Sirocco.Persistence.Executions;

namespace Sirocco.Api.Projects;

/// <summary>
/// The store as the REST endpoints see it: inside a request authenticated with a key of project P, executions,
/// tasks, action executions, environments and cron triggers of other projects do not exist (a 404, not a 403, so
/// ids of other projects leak nothing), definitions of other projects are visible only when <c>scope: public</c>
/// and read-only, and whatever is created belongs to P. Outside such a request (auth off, the runtime, the
/// scheduler) it passes everything through unchanged. The runtime is given the undecorated store.
/// </summary>
internal sealed class ProjectScopedStore(ISiroccoStore inner) : ISiroccoStore
{
    public string Provider => inner.Provider;

    public IDefinitionStore Definitions { get; } = new ProjectScopedDefinitions(inner.Definitions);

    public IEnvironmentStore Environments { get; } = new ProjectScopedEnvironments(inner.Environments);

    public ICronTriggerStore CronTriggers { get; } = new ProjectScopedCronTriggers(inner.CronTriggers);

    public IExecutionReader Executions { get; } = new ProjectScopedExecutions(inner.Executions);

    public IDurableStore Durable => inner.Durable;

    /// <summary>The store itself belongs to the container's registration of the undecorated store.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
