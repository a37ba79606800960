using Sirocco.Actions.Registry;
using Sirocco.Actions.Runner;
using Sirocco.Engine;
using Sirocco.Engine.Events;
using Sirocco.Expressions.Values;
using Sirocco.Persistence.Execution;
using Sirocco.Runtime.Durable;
using Sirocco.Runtime.Tests.Infrastructure;
using Sirocco.Transport.Queues;

namespace Sirocco.Runtime.Tests.Durable;

/// <content>CancelAction reaches the runner: the running call's cancellation token fires.</content>
public abstract partial class DurableRuntimeTests
{
    private const string Blocking = """
        version: '2.0'
        blocking:
          tasks:
            hold:
              action: test.block
        """;

    private const string BlockingWithTimeout = """
        version: '2.0'
        blocking:
          tasks:
            hold:
              action: test.block
              timeout: 1
        """;

    [Fact]
    public async Task Cancelling_an_execution_stops_its_running_action()
    {
        var probe = new BlockingProbe();
        await using var store = await OpenStoreAsync();
        var queue = new InProcessTaskQueue();
        await using var runtime = new DurableRuntime(store, new WorkflowEngine(), new NoExpressions(), queue, new DurableRuntimeOptions { NodeId = "node-a" });
        await using var runner = StartRunner(queue, runtime, probe);
        await runtime.StartAsync(default);
        var id = Guid.NewGuid().ToString();
        await runtime.SubmitAsync(new StartWorkflow(id, DictValue.Empty, DictValue.Empty), new ExecutionOrigin("blocking", null, "", Blocking), default);
        await probe.Started.Task.WaitAsync(TimeSpan.FromSeconds(60));

        await runtime.SubmitAsync(new CancelExecution(id, "enough"), null, default);

        await probe.Stopped.Task.WaitAsync(TimeSpan.FromSeconds(60));
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        Assert.Equal("CANCELLED", await runtime.WaitForCompletionAsync(id, wait.Token));
    }

    [Fact]
    public async Task A_task_timeout_stops_its_running_action()
    {
        var probe = new BlockingProbe();
        await using var store = await OpenStoreAsync();
        var queue = new InProcessTaskQueue();
        await using var runtime = new DurableRuntime(store, new WorkflowEngine(), new NoExpressions(), queue, new DurableRuntimeOptions { NodeId = "node-a", TimerPollInterval = TimeSpan.FromMilliseconds(50) });
        await using var runner = StartRunner(queue, runtime, probe);
        await runtime.StartAsync(default);
        var id = Guid.NewGuid().ToString();
        await runtime.SubmitAsync(new StartWorkflow(id, DictValue.Empty, DictValue.Empty), new ExecutionOrigin("blocking", null, "", BlockingWithTimeout), default);

        await probe.Stopped.Task.WaitAsync(TimeSpan.FromSeconds(60));

        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        Assert.Equal("ERROR", await runtime.WaitForCompletionAsync(id, wait.Token));
    }

    private static RunningRunner StartRunner(InProcessTaskQueue queue, DurableRuntime runtime, BlockingProbe probe)
    {
        var registry = new ActionRegistry();
        registry.Register(typeof(BlockingAction), () => new BlockingAction(probe));
        var runner = new ActionRunner(registry, queue, runtime.ResultSink, new ActionRunnerOptions { MaxConcurrency = 2 });
        return new RunningRunner(runner);
    }
}
