using Sirocco.Engine;
using Sirocco.Engine.Events;
using Sirocco.Expressions.Values;
using Sirocco.Persistence.Execution;
using Sirocco.Runtime.Durable;
using Sirocco.Runtime.Tests.Infrastructure;
using Sirocco.Transport.Queues;

namespace Sirocco.Runtime.Tests.Durable;

/// <content>Calls reach the task queue from the commit that decided them, not through the dispatch loop.</content>
public abstract partial class DurableRuntimeTests
{
    [Fact]
    public async Task A_call_reaches_the_queue_when_its_decision_commits_without_the_dispatch_loop()
    {
        // The runtime is never started, so its dispatch loop does not run: only the committing unit can hand the
        // call on. That saves a thread wake-up between two tasks of a chain.
        var queue = new InProcessTaskQueue();
        await using var store = await OpenStoreAsync();
        await using var runtime = new DurableRuntime(store, new WorkflowEngine(), new NoExpressions(), queue, Options("node-a"));

        var id = Guid.NewGuid().ToString();
        var outcome = await runtime.SubmitAsync(new StartWorkflow(id, DictValue.Empty, DictValue.Empty), new ExecutionOrigin("single", null, "", Workflows.Single(safeRerun: true)), default);

        Assert.Equal(EventOutcome.Applied, outcome);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var delivery = await queue.DequeueAsync(RunActionRequest.DefaultTarget, timeout.Token);
        Assert.Equal(id, delivery.Request.ExecutionId);
    }
}
