using Sirocco.Engine;
using Sirocco.Engine.Events;
using Sirocco.Expressions.Values;
using Sirocco.Persistence;
using Sirocco.Persistence.Execution;
using Sirocco.Runtime.Durable;
using Sirocco.Transport.Queues;

namespace Sirocco.Runtime.Tests.Infrastructure;

/// <summary>One "server": a store, a durable runtime and a scripted runner over an in-process queue.</summary>
internal sealed class RuntimeHost : IAsyncDisposable
{
    private RuntimeHost(ISiroccoStore store, DurableRuntime runtime, InProcessTaskQueue queue, ScriptedRunner runner)
    {
        Store = store;
        Runtime = runtime;
        Queue = queue;
        Runner = runner;
    }

    public ISiroccoStore Store { get; }

    public DurableRuntime Runtime { get; }

    public InProcessTaskQueue Queue { get; }

    public ScriptedRunner Runner { get; }

    /// <param name="handOver">Wraps the queue the runtime hands actions to (the runner still reads the in-process queue).</param>
    /// <param name="queue">The queue runner and runtime share, when it must outlive this host (a broker); default a new one.</param>
    public static async Task<RuntimeHost> StartAsync(ISiroccoStore store, DurableRuntimeOptions options, Func<RunActionRequest, ActionResultMessage?>? script = null, Func<DurableRuntime, IActionResultSink>? sink = null, Func<ITaskQueue, ITaskQueue>? handOver = null, InProcessTaskQueue? queue = null)
    {
        queue ??= new InProcessTaskQueue();
        var runtime = new DurableRuntime(store, new WorkflowEngine(), new NoExpressions(), handOver?.Invoke(queue) ?? queue, options);
        var runner = new ScriptedRunner(queue, sink?.Invoke(runtime) ?? runtime.ResultSink, script);
        await runtime.StartAsync(default);
        return new RuntimeHost(store, runtime, queue, runner);
    }

    /// <summary>Starts an execution of the first workflow named <paramref name="workflowName"/> in <paramref name="yaml"/>.</summary>
    public async Task<string> StartExecutionAsync(string yaml, string workflowName, DictValue? input = null)
    {
        var id = Guid.NewGuid().ToString();
        var outcome = await Runtime.SubmitAsync(new StartWorkflow(id, input ?? DictValue.Empty, DictValue.Empty), new ExecutionOrigin(workflowName, null, "", yaml), default);
        Assert.Equal(EventOutcome.Applied, outcome);
        return id;
    }

    public async Task<string> WaitAsync(string executionId, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        return await Runtime.WaitForCompletionAsync(executionId, cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await Runner.DisposeAsync();
        await Runtime.DisposeAsync();
        await Store.DisposeAsync();
    }
}
