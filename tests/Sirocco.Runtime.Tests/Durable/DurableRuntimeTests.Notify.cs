using Sirocco.Engine.Events;
using Sirocco.Expressions.Values;
using Sirocco.Persistence.Execution;
using Sirocco.Runtime.Durable;
using Sirocco.Runtime.Tests.Infrastructure;

namespace Sirocco.Runtime.Tests.Durable;

/// <content>Notify commands reach the outbox only when an execution has someone to notify.</content>
public abstract partial class DurableRuntimeTests
{
    [Fact]
    public async Task Notify_commands_are_stored_only_for_executions_started_with_a_notify_parameter()
    {
        await using var host = await StartHostAsync();
        var plain = await host.StartExecutionAsync(Workflows.Chain(2), "chain");
        var notified = Guid.NewGuid().ToString();
        var notify = DictValue.Empty.With("notify", new ListValue([DictValue.Empty.With("type", new StringValue("webhook"))]));
        var outcome = await host.Runtime.SubmitAsync(new StartWorkflow(notified, DictValue.Empty, notify), new ExecutionOrigin("chain", null, "", Workflows.Chain(2)), default);

        Assert.Equal(EventOutcome.Applied, outcome);
        Assert.Equal("SUCCESS", await host.WaitAsync(plain));
        Assert.Equal("SUCCESS", await host.WaitAsync(notified));
        Assert.Equal(0, await CountNotifyRowsAsync(host, plain));

        // Launched, each task's success, and the execution's success.
        Assert.True(await CountNotifyRowsAsync(host, notified) >= 4);
    }

    // An UPDATE that changes nothing reports the rows it matched, on SQLite and PostgreSQL alike.
    private static Task<int> CountNotifyRowsAsync(RuntimeHost host, string executionId) =>
        host.Store.Durable.ExecuteAsync(
            (tx, ct) => tx.ExecuteSqlAsync("UPDATE outbox SET kind = kind WHERE kind = 'Notify' AND execution_id = @id", [new("@id", executionId)], ct),
            default);
}
