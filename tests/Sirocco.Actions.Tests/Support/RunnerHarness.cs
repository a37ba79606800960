using Microsoft.Extensions.Time.Testing;
using Sirocco.Actions.Registry;
using Sirocco.Actions.Runner;
using Sirocco.Transport.Queues;

namespace Sirocco.Actions.Tests.Support;

/// <summary>A runner over an in-process queue and a channel sink, with std actions, test.gate and fake time.</summary>
internal sealed class RunnerHarness : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly CancellationTokenSource _stop = new();

    /// <param name="sink">Shared by runners that report to the same engine (whose claims they share).</param>
    public RunnerHarness(ActionRunnerOptions? options = null, InProcessTaskQueue? queue = null, ChannelActionResultSink? sink = null)
    {
        Sink = sink ?? new ChannelActionResultSink();
        Registry = Contexts.Standard();
        Registry.Register(typeof(GateAction), () => new GateAction(Probe));
        Queue = queue ?? new InProcessTaskQueue();
        Runner = new ActionRunner(Registry, Queue, Sink, options ?? new ActionRunnerOptions { MaxConcurrency = 4 }, Time);
        Running = Runner.RunAsync(_stop.Token);
    }

    public ActionRegistry Registry { get; }

    public GateProbe Probe { get; } = new();

    public InProcessTaskQueue Queue { get; }

    public ChannelActionResultSink Sink { get; }

    public FakeTimeProvider Time { get; } = new();

    public ActionRunner Runner { get; }

    public Task Running { get; }

    public ValueTask EnqueueAsync(string id, string action, string input = "{}", TimeSpan? timeout = null, bool safeRerun = false, bool claimRequired = true) =>
        Queue.EnqueueAsync(new RunActionRequest
        {
            ActionExecutionId = id,
            ActionName = action,
            InputJson = input,
            Timeout = timeout,
            SafeRerun = safeRerun,
            ClaimRequired = claimRequired,
            ExecutionId = "ex-1",
            TaskExecutionId = "te-" + id,
            WorkflowName = "wf",
        });

    public async Task<ActionResultMessage> NextResultAsync() =>
        await Sink.Results.ReadAsync().AsTask().WaitAsync(Deadline);

    public Task StartedAsync(string id) => Probe.Started(id).WaitAsync(Deadline);

    /// <summary>Stops the runner the way a host shuts down: running actions are cancelled and handed back.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Running.WaitAsync(Deadline);
    }

    public async ValueTask DisposeAsync()
    {
        if (!Running.IsCompleted)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }
}
