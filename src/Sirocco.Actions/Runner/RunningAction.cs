using Sirocco.Transport.Queues;

namespace Sirocco.Actions.Runner;

/// <summary>An action call in progress on this runner.</summary>
internal sealed class RunningAction(RunActionRequest request, CancellationToken stopping) : IDisposable
{
    private readonly CancellationTokenSource _cancellation = CancellationTokenSource.CreateLinkedTokenSource(stopping);

    public RunActionRequest Request { get; } = request;

    public CancellationToken Token => _cancellation.Token;

    /// <summary>True once someone asked to cancel this call (as opposed to the runner stopping).</summary>
    public bool CancelRequested { get; private set; }

    public void Cancel()
    {
        CancelRequested = true;
        _cancellation.Cancel();
    }

    public void Dispose() => _cancellation.Dispose();
}
