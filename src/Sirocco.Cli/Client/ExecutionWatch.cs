using System.Globalization;
using System.Text.Json.Nodes;

namespace Sirocco.Cli.Client;

/// <summary>
/// Follows an execution by reading it and its tasks every <see cref="Interval"/>, printing one progress line
/// whenever something changed (<c>RUNNING  tasks: 3 done, 1 running, 0 failed  elapsed 2.4 s</c>), then the task
/// table. Lines rather than a redrawn bar so the output reads the same in a terminal, a log or a pipe.
/// Exit code 0 when the execution ends in SUCCESS, 1 otherwise.
/// </summary>
internal static class ExecutionWatch
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private static readonly string[] Terminal = ["SUCCESS", "ERROR", "CANCELLED"];
    private static readonly string[] TaskFields = ["id", "name", "state", "state_info", "started_at", "finished_at"];

    public static async Task<int> RunAsync(SiroccoClient client, Output output, string id, CancellationToken cancel)
    {
        string? last = null;
        var escaped = Uri.EscapeDataString(id);
        while (true)
        {
            var execution = await client.GetAsync($"v2/executions/{escaped}", cancel).ConfigureAwait(false);
            var tasks = (await client.GetAsync($"v2/executions/{escaped}/tasks", cancel).ConfigureAwait(false))["tasks"]!.AsArray();
            var state = Output.Text(execution["state"]);
            var line = Progress(execution, tasks, TimeProvider.System.GetUtcNow());
            var key = line[..line.IndexOf("elapsed", StringComparison.Ordinal)];
            if (key != last)
            {
                last = key;
                if (!output.IsJson)
                {
                    output.Line(line);
                }
            }

            if (Terminal.Contains(state))
            {
                if (output.IsJson)
                {
                    output.Json(new JsonObject { ["execution"] = execution.DeepClone(), ["tasks"] = tasks.DeepClone() });
                }
                else
                {
                    output.Table(tasks, TaskFields);
                    if (execution["state_info"] is { } info)
                    {
                        output.Line(Output.Text(info));
                    }
                }

                return state == "SUCCESS" ? 0 : 1;
            }

            await Task.Delay(Interval, TimeProvider.System, cancel).ConfigureAwait(false);
        }
    }

    /// <summary>The progress line; elapsed runs from the execution's creation to its last update once it ended.</summary>
    internal static string Progress(JsonNode execution, JsonArray tasks, DateTimeOffset now)
    {
        var states = tasks.Select(t => Output.Text(t?["state"])).ToList();
        var done = states.Count(s => s == "SUCCESS");
        var failed = states.Count(s => s is "ERROR" or "CANCELLED");
        var running = states.Count - done - failed;
        var state = Output.Text(execution["state"]);
        var created = Time(execution["created_at"]) ?? now;
        var end = Terminal.Contains(state) ? Time(execution["updated_at"]) ?? now : now;
        var elapsed = (end - created).TotalSeconds;
        return string.Create(CultureInfo.InvariantCulture,
            $"{state,-9} tasks: {done} done, {running} running, {failed} failed  elapsed {Math.Max(0, elapsed):0.0} s");
    }

    private static DateTimeOffset? Time(JsonNode? node) =>
        DateTimeOffset.TryParse(Output.Text(node), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
}
