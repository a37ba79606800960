using Sirocco.Engine;
using Sirocco.Engine.Events;
using Sirocco.Expressions.Values;
using Sirocco.Persistence.Execution;
using Sirocco.Persistence.Sqlite;
using Sirocco.Persistence.Tests.Infrastructure;
using Sirocco.Runtime.Durable;
using Sirocco.Runtime.Tests.Infrastructure;
using Sirocco.Transport.Queues;

namespace Sirocco.Runtime.Tests.Durable;

/// <summary>
/// A sub-workflow start left in the outbox by a crashed engine is re-sent by a fresh process (recovery)
/// or by another engine, neither of which has parsed the parent's document. The child is defined in
/// that document (not stored), so it must be found through the parent's definition snapshot.
/// </summary>
public sealed class RecoveredSubworkflowTests
{
    private const string Parent = """
        version: '2.0'
        parent:
          tasks:
            sub:
              workflow: child
        child:
          tasks:
            one:
              action: std.echo output='child'
        """;

    [Fact]
    public async Task A_sub_workflow_start_recovered_by_a_fresh_process_runs_the_child_of_the_parents_document()
    {
        using var file = new TempSqliteFile();
        var id = Guid.NewGuid().ToString();
        await using (var crashed = await SqliteStore.OpenAsync(new SqliteStoreOptions { Path = file.Path }, default))
        {
            // Never started: it commits the start and its outbox, but dies before dispatching anything.
            await using var runtime = new DurableRuntime(crashed, new WorkflowEngine(), new NoExpressions(), new InProcessTaskQueue(), new DurableRuntimeOptions { NodeId = "a" });
            Assert.Equal(EventOutcome.Applied, await runtime.SubmitAsync(new StartWorkflow(id, DictValue.Empty, DictValue.Empty), new ExecutionOrigin("parent", null, "", Parent), default));
        }

        await using var fresh = await RuntimeHost.StartAsync(
            await SqliteStore.OpenAsync(new SqliteStoreOptions { Path = file.Path }, default),
            new DurableRuntimeOptions { NodeId = "a", TimerPollInterval = TimeSpan.FromMilliseconds(50) });

        Assert.Equal("SUCCESS", await fresh.WaitAsync(id));
        Assert.Equal(1, fresh.Runner.Calls);
    }
}
