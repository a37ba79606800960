using Sirocco.Persistence.Executions;
using Sirocco.Persistence.Querying;

namespace Sirocco.Api.Projects;

/// <summary>Executions, tasks and action executions of the caller's project only (see <see cref="ProjectScopedStore"/>).</summary>
internal sealed class ProjectScopedExecutions(IExecutionReader inner) : IExecutionReader
{
    public async Task<WorkflowExecutionRecord?> GetWorkflowExecutionAsync(string id, CancellationToken cancellationToken) =>
        await inner.GetWorkflowExecutionAsync(id, cancellationToken) is { } found && ProjectFilter.IsOwn(found.ProjectId) ? found : null;

    public Task<IReadOnlyList<WorkflowExecutionRecord>> ListWorkflowExecutionsAsync(ListQuery query, bool includeOutput, CancellationToken cancellationToken) =>
        inner.ListWorkflowExecutionsAsync(ProjectFilter.Own(query), includeOutput, cancellationToken);

    public async Task<TaskExecutionRecord?> GetTaskExecutionAsync(string id, CancellationToken cancellationToken) =>
        await inner.GetTaskExecutionAsync(id, cancellationToken) is { } found && ProjectFilter.IsOwn(found.ProjectId) ? found : null;

    public Task<IReadOnlyList<TaskExecutionRecord>> ListTaskExecutionsAsync(ListQuery query, CancellationToken cancellationToken) =>
        inner.ListTaskExecutionsAsync(ProjectFilter.Own(query), cancellationToken);

    public async Task<ActionExecutionRecord?> GetActionExecutionAsync(string id, CancellationToken cancellationToken) =>
        await inner.GetActionExecutionAsync(id, cancellationToken) is { } found && ProjectFilter.IsOwn(found.ProjectId) ? found : null;

    public Task<IReadOnlyList<ActionExecutionRecord>> ListActionExecutionsAsync(ListQuery query, bool includeOutput, CancellationToken cancellationToken) =>
        inner.ListActionExecutionsAsync(ProjectFilter.Own(query), includeOutput, cancellationToken);

    /// <summary>The server-wide count behind <c>Limits:MaxRunningExecutions</c>: every project's executions count.</summary>
    public Task<int> CountRunningExecutionsAsync(int atMost, CancellationToken cancellationToken) =>
        inner.CountRunningExecutionsAsync(atMost, cancellationToken);

    public async Task<ExecutionVariablesRecord?> GetExecutionVariablesAsync(string id, CancellationToken cancellationToken) =>
        await GetWorkflowExecutionAsync(id, cancellationToken) is null ? null : await inner.GetExecutionVariablesAsync(id, cancellationToken);
}
