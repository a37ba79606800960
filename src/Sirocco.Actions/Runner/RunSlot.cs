namespace Sirocco.Actions.Runner;

/// <summary>One of the runner's run slots, given back exactly once: when the action returns, or when its handling ends.</summary>
internal sealed class RunSlot(SemaphoreSlim slots)
{
    private int _held;

    public void Taken() => Volatile.Write(ref _held, 1);

    public void Release()
    {
        if (Interlocked.Exchange(ref _held, 0) == 1)
        {
            slots.Release();
        }
    }
}
