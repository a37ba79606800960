using Sirocco.Transport.Queues;

namespace Sirocco.Transport.Tests.Contract;

/// <summary>All nodes share one in-memory queue; a death hands back what was unacknowledged.</summary>
internal sealed class InProcessHarness : IQueueHarness
{
    private readonly InProcessTaskQueue _queue = new();
    private readonly InProcessActionResultQueue _results = new();

    public ITaskQueue Producer => _queue;

    public IActionResultSink ResultSink => _results;

    public ValueTask<ITaskQueue> ConsumerAsync() => ValueTask.FromResult<ITaskQueue>(_queue);

    public ValueTask KillAsync(ITaskQueue consumer)
    {
        _queue.RequeueUnacknowledged();
        return ValueTask.CompletedTask;
    }

    public ValueTask<IActionResultSource> ResultReceiverAsync() => ValueTask.FromResult<IActionResultSource>(_results);

    public ValueTask KillAsync(IActionResultSource receiver)
    {
        _results.RequeueUnacknowledged();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
