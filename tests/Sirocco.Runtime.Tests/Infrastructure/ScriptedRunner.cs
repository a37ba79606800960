using Sirocco.Expressions.Values;
using Sirocco.Transport.Queues;

namespace Sirocco.Runtime.Tests.Infrastructure;

/// <summary>
/// A stand-in action runner: takes requests from the in-process queue and reports what the script
/// says (default: success with the input's <c>output</c>, like std.echo). Returning null leaves the
/// action running and unacknowledged, as a runner that died mid-call.
/// </summary>
internal sealed class ScriptedRunner : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _calls;

    /// <param name="concurrent">Handle each request on its own task, so reports share group commits as a real runner's do.</param>
    public ScriptedRunner(ITaskQueue queue, IActionResultSink sink, Func<RunActionRequest, ActionResultMessage?>? script = null, bool concurrent = false)
    {
        script ??= Echo;
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                ITaskDelivery delivery;
                try
                {
                    delivery = await queue.DequeueAsync(RunActionRequest.DefaultTarget, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                Interlocked.Increment(ref _calls);
                var handled = Task.Run(async () =>
                {
                    if (script(delivery.Request) is { } result)
                    {
                        await sink.ReportAsync(result, CancellationToken.None);
                        await delivery.AckAsync();
                    }
                });
                if (!concurrent)
                {
                    await handled;
                }
            }
        });
    }

    public int Calls => Volatile.Read(ref _calls);

    public static ActionResultMessage Echo(RunActionRequest request)
    {
        var input = JsonValues.Parse(request.InputJson) as DictValue;
        var output = input?.Get("output") ?? Value.Null;
        return new ActionResultMessage(request.ActionExecutionId, ActionResultKind.Success, JsonValues.ToJson(output));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
