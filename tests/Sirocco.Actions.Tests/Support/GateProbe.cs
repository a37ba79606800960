using System.Collections.Concurrent;
using Sirocco.Actions.Abstractions;
using Sirocco.Expressions.Values;

namespace Sirocco.Actions.Tests.Support;

/// <summary>
/// Watches and steers <see cref="GateAction"/> calls: counts runs and the peak concurrency, tells when a
/// call started, and lets each call finish when its gate opens.
/// </summary>
internal sealed class GateProbe
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _started = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<Value>> _gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _runs = new(StringComparer.Ordinal);
    private int _current;
    private int _peak;

    public int Peak => Volatile.Read(ref _peak);

    public int Runs(string id) => _runs.GetValueOrDefault(id);

    public Task Started(string id) => _started.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Open(string id, Value? output = null) => Gate(id).TrySetResult(output ?? new StringValue("done:" + id));

    public async Task<Value> EnterAsync(ActionContext context)
    {
        var id = context.ActionExecutionId;
        _runs.AddOrUpdate(id, 1, (_, n) => n + 1);
        var now = Interlocked.Increment(ref _current);
        int peak;
        while (now > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak)
        {
        }

        try
        {
            _ = Started(id);
            _started[id].TrySetResult();
            return await Gate(id).Task.WaitAsync(context.CancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _current);
        }
    }

    private TaskCompletionSource<Value> Gate(string id) =>
        _gates.GetOrAdd(id, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
}
