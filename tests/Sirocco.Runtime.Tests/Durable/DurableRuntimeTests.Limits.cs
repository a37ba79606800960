using Sirocco.Engine;
using Sirocco.Persistence.Querying;
using Sirocco.Runtime.Durable;
using Sirocco.Runtime.Tests.Infrastructure;

namespace Sirocco.Runtime.Tests.Durable;

/// <summary>The engine's <see cref="ExecutionLimits"/> reach Decide through <see cref="DurableRuntimeOptions.Limits"/>.</summary>
public abstract partial class DurableRuntimeTests
{
    [Fact]
    public async Task An_endless_cycle_stops_at_the_task_limit_with_its_rows_intact()
    {
        await using var host = await StartLimitedHostAsync(new ExecutionLimits { MaxTasksPerExecution = 25 });
        const string yaml = """
            version: '2.0'
            forever:
              tasks:
                first:
                  action: std.noop
                  on-success: [again]
                again:
                  action: std.noop
                  on-success: [again]
            """;

        var id = await host.StartExecutionAsync(yaml, "forever");

        Assert.Equal("ERROR", await host.WaitAsync(id));
        var execution = await host.Store.Executions.GetWorkflowExecutionAsync(id, default);
        Assert.Contains("the limit is 25 per execution", execution!.StateInfo, StringComparison.Ordinal);
        Assert.Contains(ExecutionLimits.MaxTasksPerExecutionKey, execution.StateInfo, StringComparison.Ordinal);
        var tasks = await host.Store.Executions.ListTaskExecutionsAsync(new ListQuery { Filters = [FieldFilter.Equal("workflow_execution_id", id)] }, default);
        Assert.Equal(25, tasks.Count);
        Assert.All(tasks, t => Assert.Equal("SUCCESS", t.State));
    }

    [Fact]
    public async Task A_workflow_calling_itself_stops_at_the_depth_limit_and_every_level_ends_in_error()
    {
        await using var host = await StartLimitedHostAsync(new ExecutionLimits { MaxSubworkflowDepth = 2 });
        const string yaml = """
            version: '2.0'
            again:
              tasks:
                deeper:
                  workflow: again
            """;

        var id = await host.StartExecutionAsync(yaml, "again");

        Assert.Equal("ERROR", await host.WaitAsync(id));
        var tree = await host.Store.Executions.ListWorkflowExecutionsAsync(new ListQuery(), includeOutput: false, default);
        Assert.Equal(3, tree.Count);
        Assert.All(tree, e => Assert.Equal("ERROR", e.State));
        Assert.Contains(ExecutionLimits.MaxSubworkflowDepthKey, tree.Single(e => e.Id == id).StateInfo, StringComparison.Ordinal);
    }

    private async Task<RuntimeHost> StartLimitedHostAsync(ExecutionLimits limits) =>
        await RuntimeHost.StartAsync(await OpenStoreAsync(), new DurableRuntimeOptions { NodeId = "node-a", TimerPollInterval = TimeSpan.FromMilliseconds(50), Limits = limits });
}
