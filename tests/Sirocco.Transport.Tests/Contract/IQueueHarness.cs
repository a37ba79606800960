using Sirocco.Transport.Queues;

namespace Sirocco.Transport.Tests.Contract;

/// <summary>
/// One queue implementation seen as a set of nodes: a producer, consumers that can die, a result path.
/// The contract tests run against every implementation through this.
/// </summary>
public interface IQueueHarness : IAsyncDisposable
{
    ITaskQueue Producer { get; }

    IActionResultSink ResultSink { get; }

    /// <summary>A consumer as another node would have it.</summary>
    ValueTask<ITaskQueue> ConsumerAsync();

    /// <summary>The consumer's node dies: what it holds unacknowledged goes back to the queue.</summary>
    ValueTask KillAsync(ITaskQueue consumer);

    /// <summary>A result receiver as an engine node would have it.</summary>
    ValueTask<IActionResultSource> ResultReceiverAsync();

    /// <summary>The engine node dies: results it holds unacknowledged go back.</summary>
    ValueTask KillAsync(IActionResultSource receiver);
}
