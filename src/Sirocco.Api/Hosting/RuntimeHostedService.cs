using Microsoft.Extensions.Hosting;
using Sirocco.Actions.Runner;
using Sirocco.Runtime.Durable;

namespace Sirocco.Api.Hosting;

/// <summary>
/// Runs the engine and executor roles in the server process: the durable runtime (recovery, outbox
/// dispatch, timers) and an action runner on the in-process queue.
/// </summary>
internal sealed class RuntimeHostedService(DurableRuntime runtime, ActionRunner runner) : IHostedService, IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _runner;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await runtime.StartAsync(cancellationToken);
        _runner = Task.Run(() => runner.RunAsync(_stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_runner is not null)
        {
            await _runner.WaitAsync(cancellationToken);
        }

        await runtime.DisposeAsync();
    }

    public ValueTask DisposeAsync()
    {
        _stopping.Dispose();
        return ValueTask.CompletedTask;
    }
}
