using Sirocco.Transport.Queues;

namespace Sirocco.Actions.Runner;

/// <summary>The most recent results by action-execution id, oldest forgotten first.</summary>
internal sealed class FinishedActions(int capacity)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ActionResultMessage> _results = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public bool TryGet(string actionExecutionId, out ActionResultMessage? result)
    {
        lock (_lock)
        {
            return _results.TryGetValue(actionExecutionId, out result);
        }
    }

    public void Add(ActionResultMessage result)
    {
        lock (_lock)
        {
            if (!_results.TryAdd(result.ActionExecutionId, result))
            {
                return;
            }

            _order.Enqueue(result.ActionExecutionId);
            while (_order.Count > capacity)
            {
                _results.Remove(_order.Dequeue());
            }
        }
    }
}
