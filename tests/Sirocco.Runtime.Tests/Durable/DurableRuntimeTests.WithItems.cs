using Sirocco.Persistence.Querying;
using Sirocco.Runtime.Tests.Infrastructure;

namespace Sirocco.Runtime.Tests.Durable;

public abstract partial class DurableRuntimeTests
{
    [Fact]
    public async Task A_with_items_task_stores_one_action_row_per_item_and_its_result_in_item_order()
    {
        await using var host = await StartHostAsync();

        var id = await host.StartExecutionAsync(Workflows.WithItems(6), "fan");

        Assert.Equal("SUCCESS", await host.WaitAsync(id));
        var tasks = await host.Store.Executions.ListTaskExecutionsAsync(new ListQuery { Filters = [FieldFilter.Equal("workflow_execution_id", id)] }, default);
        var fan = Assert.Single(tasks, t => t.Name == "fan");
        var items = await host.Store.Executions.ListActionExecutionsAsync(new ListQuery { Filters = [FieldFilter.Equal("task_execution_id", fan.Id)], SortKeys = ["created_at"] }, includeOutput: true, default);
        Assert.Equal(6, items.Count);
        Assert.Equal([0, 1, 2, 3, 4, 5], items.Select(i => i.ItemIndex).Order());
        Assert.Equal("[1,1,1,1,1,1]", (await host.Store.Executions.GetTaskExecutionAsync(fan.Id, default))?.ResultJson);
    }
}
