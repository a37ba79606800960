using Microsoft.Extensions.Hosting;
using Sirocco.Actions.Runner;
using Sirocco.Runtime.Durable;
using Sirocco.Runtime.Scheduling;

namespace Sirocco.Api.Hosting;

/// <summary>
/// Runs the engine, executor and scheduler roles in the server process: the durable runtime (recovery,
/// outbox dispatch, timers), an action runner on the in-process queue and the cron scheduler.
/// </summary>
internal sealed class RuntimeHostedService(DurableRuntime runtime, ActionRunner runner, CronScheduler scheduler) : IHostedService, IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _runner;
    private Task? _scheduler;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await runtime.StartAsync(cancellationToken);
        _runner = Task.Run(() => runner.RunAsync(_stopping.Token), CancellationToken.None);
        _scheduler = Task.Run(() => scheduler.RunAsync(_stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_runner is not null)
        {
            await _runner.WaitAsync(cancellationToken);
        }

        if (_scheduler is not null)
        {
            await _scheduler.WaitAsync(cancellationToken);
        }

        await runtime.DisposeAsync();
    }

    public ValueTask DisposeAsync()
    {
        _stopping.Dispose();
        return ValueTask.CompletedTask;
    }
}
