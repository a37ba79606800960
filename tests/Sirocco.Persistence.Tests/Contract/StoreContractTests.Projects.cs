using Sirocco.Persistence.Durable;

namespace Sirocco.Persistence.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Tasks_actions_and_sub_workflows_belong_to_the_project_of_the_execution_that_runs_them()
    {
        // The engine carries no project ids: rows it saves come with the default, the store fills in the owner's.
        await Store.Durable.ExecuteAsync(
            async (tx, ct) =>
            {
                await tx.SaveExecutionAsync(Execution("root") with { ProjectId = "p1" }, ct);
                await tx.SaveTasksAsync([new StoredTask { Id = "t1", WorkflowExecutionId = "root", Name = "call", State = "RUNNING", CreatedAt = T0 }], ct);
                await tx.SaveActionsAsync([new StoredAction { Id = "a1", TaskExecutionId = "t1", WorkflowExecutionId = "root", Name = "std.noop", State = "RUNNING", CreatedAt = T0 }], ct);
                await tx.SaveExecutionAsync(Execution("child") with { TaskExecutionId = "t1", RootExecutionId = "root" }, ct);
                await tx.SaveTasksAsync([new StoredTask { Id = "t2", WorkflowExecutionId = "child", Name = "inner", State = "RUNNING", CreatedAt = T0 }], ct);
                return 0;
            },
            default);
        // A later save of the same rows (state changes) keeps the project.
        await Store.Durable.ExecuteAsync(
            async (tx, ct) =>
            {
                await tx.SaveTasksAsync([new StoredTask { Id = "t1", WorkflowExecutionId = "root", Name = "call", State = "SUCCESS", CreatedAt = T0 }], ct);
                return 0;
            },
            default);

        Assert.Equal("p1", (await Store.Executions.GetTaskExecutionAsync("t1", default))!.ProjectId);
        Assert.Equal("p1", (await Store.Executions.GetActionExecutionAsync("a1", default))!.ProjectId);
        Assert.Equal("p1", (await Store.Executions.GetWorkflowExecutionAsync("child", default))!.ProjectId);
        Assert.Equal("p1", (await Store.Executions.GetTaskExecutionAsync("t2", default))!.ProjectId);
        Assert.Equal("SUCCESS", (await Store.Executions.GetTaskExecutionAsync("t1", default))!.State);
    }
}
