using System.Collections.Concurrent;

namespace Sirocco.Transport.Tests.Support;

/// <summary>Counts how often each action execution started, and holds blocking ones until released.</summary>
public sealed class CountingProbe
{
    private readonly ConcurrentDictionary<string, int> _starts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _started = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyDictionary<string, int> Starts => _starts;

    public void Release() => _release.TrySetResult();

    public Task Started(string id) => Signal(id).Task;

    public async Task EnterAsync(string id, bool block, CancellationToken cancellationToken)
    {
        _starts.AddOrUpdate(id, 1, (_, n) => n + 1);
        Signal(id).TrySetResult();
        if (block)
        {
            await _release.Task.WaitAsync(cancellationToken);
        }
    }

    private TaskCompletionSource Signal(string id) =>
        _started.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
