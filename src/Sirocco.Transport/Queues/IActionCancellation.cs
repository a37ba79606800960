namespace Sirocco.Transport.Queues;

/// <summary>
/// Carries "stop this action call" from the engine to the runners (a task timed out, or its execution
/// was cancelled, while the action ran). Best effort: the engine has already stopped waiting for the
/// call, so a cancellation that reaches no runner only lets the call run to its end, and its late
/// result is recorded and ignored.
/// </summary>
public interface IActionCancellation
{
    /// <summary>Asks every runner to stop the call if it runs it, or to skip it if it is still queued.</summary>
    ValueTask CancelAsync(string actionExecutionId, CancellationToken cancellationToken = default);

    /// <summary>A runner's subscription: <paramref name="onCancel"/> gets each cancelled id until disposed.</summary>
    IDisposable Subscribe(Action<string> onCancel);
}
