using Sirocco.Expressions.Values;
using Sirocco.Transport.Queues;

namespace Sirocco.Runtime.Tests.Infrastructure;

/// <summary>
/// A stand-in action runner: takes requests from the in-process queue and reports what the script
/// says (default: success with the input's <c>output</c>, like std.echo). Returning null leaves the
/// action running and unacknowledged, as a runner that died mid-call. Like a real runner it claims a call
/// that needs a claim first, and drops a duplicate whose claim it lost; <see cref="Calls"/> counts started calls.
/// </summary>
internal sealed class ScriptedRunner : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _calls;
    private int _lostClaims;

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

                var handled = Task.Run(async () =>
                {
                    var request = delivery.Request;
                    if (request.ClaimRequired && !request.SafeRerun && !await sink.ClaimAsync(request.ActionExecutionId, Guid.NewGuid().ToString("N"), CancellationToken.None))
                    {
                        Interlocked.Increment(ref _lostClaims);
                        await delivery.AckAsync();
                        return;
                    }

                    Interlocked.Increment(ref _calls);
                    if (script(request) is { } result)
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

    /// <summary>Deliveries dropped because another runner held the call's claim.</summary>
    public int LostClaims => Volatile.Read(ref _lostClaims);

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
