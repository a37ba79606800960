using Sirocco.Actions.Runner;

namespace Sirocco.Runtime.Tests.Infrastructure;

/// <summary>A real <see cref="ActionRunner"/> consuming until disposed.</summary>
internal sealed class RunningRunner : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public RunningRunner(ActionRunner runner) => _loop = Task.Run(() => runner.RunAsync(_stop.Token));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
