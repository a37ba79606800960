using Sirocco.Persistence.Durable;

namespace Sirocco.Persistence.Tests.Contract;

/// <summary>Deleting one execution tree, an execution's own variables, and action executions run outside any workflow.</summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Deleting_an_execution_removes_its_tree_timers_outbox_and_history_and_nothing_else()
    {
        await Store.Durable.ExecuteAsync(
            async (tx, ct) =>
            {
                await tx.SaveExecutionAsync(Execution("parent"), ct);
                await tx.SaveTasksAsync([new StoredTask { Id = "parent-t", WorkflowExecutionId = "parent", Name = "call", Type = "WORKFLOW", State = "RUNNING", CreatedAt = T0 }], ct);
                await tx.SaveActionsAsync([new StoredAction { Id = "child", TaskExecutionId = "parent-t", WorkflowExecutionId = "parent", Name = "sub", Type = "WORKFLOW", State = "RUNNING", CreatedAt = T0 }], ct);
                await tx.SaveExecutionAsync(Execution("child") with { TaskExecutionId = "parent-t", RootExecutionId = "parent" }, ct);
                await tx.SaveTasksAsync([new StoredTask { Id = "child-t", WorkflowExecutionId = "child", Name = "t", State = "RUNNING", CreatedAt = T0 }], ct);
                await tx.SaveActionsAsync([new StoredAction { Id = "child-a", TaskExecutionId = "child-t", WorkflowExecutionId = "child", Name = "std.noop", State = "RUNNING", CreatedAt = T0 }], ct);
                await tx.ScheduleTimersAsync([new("child-timer", "child", "Timeout", "{}", T0.AddMinutes(1))], ct);
                await tx.AppendOutboxAsync([new NewOutboxMessage("parent", "Notify", "{}")], ct);
                await tx.AppendEventsAsync("child", [("Started", null)], ct);
                await tx.SaveExecutionAsync(Execution("other"), ct);
                await tx.SaveTasksAsync([new StoredTask { Id = "other-t", WorkflowExecutionId = "other", Name = "t", State = "RUNNING", CreatedAt = T0 }], ct);
                return 0;
            },
            default);

        var deleted = await Store.Durable.ExecuteAsync((tx, ct) => tx.DeleteExecutionAsync("parent", ct), default);
        var again = await Store.Durable.ExecuteAsync((tx, ct) => tx.DeleteExecutionAsync("parent", ct), default);

        Assert.True(deleted);
        Assert.False(again);
        Assert.Null(await Store.Executions.GetWorkflowExecutionAsync("parent", default));
        Assert.Null(await Store.Executions.GetWorkflowExecutionAsync("child", default));
        Assert.Null(await Store.Executions.GetTaskExecutionAsync("child-t", default));
        Assert.Null(await Store.Executions.GetActionExecutionAsync("child-a", default));
        Assert.Null(await Store.Executions.GetActionExecutionAsync("child", default));
        Assert.Empty(await Store.Durable.ListUndispatchedAsync(10, default));
        Assert.Null(await Store.Durable.NextTimerDueAsync(default));
        Assert.Empty(await Store.Durable.ListEventsAsync("child", 0, 10, default));
        Assert.NotNull(await Store.Executions.GetWorkflowExecutionAsync("other", default));
        Assert.NotNull(await Store.Executions.GetTaskExecutionAsync("other-t", default));
    }

    [Fact]
    public async Task An_executions_own_variables_come_with_its_definition()
    {
        await Store.Durable.ExecuteAsync(
            async (tx, ct) =>
            {
                await tx.SaveExecutionAsync(Execution("with-vars") with
                {
                    DefinitionText = "version: '2.0'\nwf:\n  vars: {a: 1}\n  tasks: {}\n",
                    EngineStateJson = """{"context": {"a": 1, "g": [2]}}""",
                }, ct);
                await tx.SaveExecutionAsync(Execution("bare"), ct);
                return 0;
            },
            default);

        var withVars = await Store.Executions.GetExecutionVariablesAsync("with-vars", default);
        var bare = await Store.Executions.GetExecutionVariablesAsync("bare", default);

        Assert.NotNull(withVars);
        Assert.Equal("wf", withVars.WorkflowName);
        Assert.Contains("vars: {a: 1}", withVars.DefinitionText, StringComparison.Ordinal);
        Assert.Equal(System.Text.Json.Nodes.JsonNode.Parse("""{"a": 1, "g": [2]}""")!.ToJsonString(), System.Text.Json.Nodes.JsonNode.Parse(withVars.ContextJson)!.ToJsonString());
        Assert.Equal("{}", bare!.ContextJson);
        Assert.Null(await Store.Executions.GetExecutionVariablesAsync("missing", default));
    }

    [Fact]
    public async Task An_action_execution_without_a_task_is_listed_and_read_like_any_other()
    {
        await Store.Durable.ExecuteAsync(
            async (tx, ct) =>
            {
                await tx.SaveActionsAsync([new StoredAction { Id = "direct", Name = "std.echo", State = "SUCCESS", InputJson = """{"output": 1}""", OutputJson = """{"result": 1}""", Accepted = true, CreatedAt = T0 }], ct);
                return 0;
            },
            default);

        var read = await Store.Executions.GetActionExecutionAsync("direct", default);
        var listed = await Store.Executions.ListActionExecutionsAsync(Querying.ListQuery.All, includeOutput: true, default);

        Assert.NotNull(read);
        Assert.Null(read.TaskExecutionId);
        Assert.Null(read.WorkflowName);
        Assert.Equal("""{"result": 1}""", read.OutputJson);
        Assert.Equal("direct", Assert.Single(listed).Id);
    }
}
