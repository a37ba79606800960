using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Sirocco.Bench;

/// <summary>The callback scenario: delegate actions completed from outside through the REST API.</summary>
internal sealed partial class Scenarios
{
    /// <summary>
    /// Starts a with-items task over N std.async_noop actions, waits (untimed) until all N are
    /// RUNNING, then times N <c>PUT /v2/action_executions/{id}</c> calls (<paramref name="callers"/> at a time)
    /// up to the execution's SUCCESS.
    /// </summary>
    public async Task<RunResult> AsyncAsync(int actions, int callers, CancellationToken cancel)
    {
        await UploadOnceAsync(Workflows.AsyncName, Workflows.Async, cancel);
        var started = DateTime.UtcNow;
        var executionId = await api.StartExecutionAsync(Workflows.AsyncName, new JsonObject { ["items"] = Range(actions) }, cancel);
        var pending = await WaitRunningActionsAsync(executionId, actions, started, cancel);

        var before = probe?.Size();
        var cpuBefore = cpu?.Seconds();
        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < pending.Count; i = Interlocked.Increment(ref next))
            {
                await api.CompleteActionAsync(pending[i], new JsonObject { ["n"] = i }, cancel);
            }
        }));
        Expect(await api.WaitExecutionAsync(executionId, DateTime.UtcNow, timeout, cancel), executionId);
        return Finish("async", actions.ToString(CultureInfo.InvariantCulture), actions, "completions", clock.Elapsed.TotalSeconds, before, cpuBefore);
    }

    private async Task<IReadOnlyList<string>> WaitRunningActionsAsync(string executionId, int expected, DateTime started, CancellationToken cancel)
    {
        var deadline = started + timeout;
        string? taskId = null;
        while (DateTime.UtcNow < deadline)
        {
            taskId ??= (await api.ListAsync($"executions/{executionId}/tasks", "tasks", cancel)).FirstOrDefault()?["id"]?.GetValue<string>();
            if (taskId is not null)
            {
                var running = (await api.ListAsync($"action_executions?task_execution_id={taskId}", "action_executions", cancel))
                    .Where(action => action["state"]?.GetValue<string>() == "RUNNING")
                    .Select(action => action["id"]!.GetValue<string>())
                    .ToList();
                if (running.Count == expected)
                {
                    return running;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Clamp((DateTime.UtcNow - started).TotalMilliseconds / 20, 20, 500)), cancel);
        }

        throw new TimeoutException($"execution {executionId}: its {expected} async actions were not all RUNNING in time");
    }
}
