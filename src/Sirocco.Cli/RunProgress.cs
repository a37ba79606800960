using System.Globalization;
using Sirocco.Engine.State;
using Sirocco.Expressions.Values;
using Sirocco.Language.Model;
using Sirocco.Runtime.InMemory;

namespace Sirocco.Cli;

/// <summary>
/// Live progress of <c>sirocco run</c>: after each engine decision that changed the task counts, one line
/// <c>RUNNING   tasks: 2 done, 1 running, 0 failed  elapsed 0.3 s</c> on the error stream, so standard output
/// keeps only the result (and stays valid JSON with <c>--json</c>, where progress is off).
/// </summary>
internal static class RunProgress
{
    public static async Task<WorkflowRun> RunAsync(
        InMemoryRuntime runtime, WorkflowSpec spec, DictValue input, DictValue parameters, TextWriter? progress, TimeProvider clock)
    {
        if (progress is null)
        {
            return await runtime.RunAsync(spec, input, parameters).ConfigureAwait(false);
        }

        var started = clock.GetTimestamp();
        string? id = null;
        string? last = null;
        var gate = new object();
        void Report(string executionId)
        {
            if (runtime.Snapshot(executionId) is not { } run)
            {
                return;
            }

            var line = Line(run);
            lock (gate)
            {
                if (line == last)
                {
                    return;
                }

                last = line;
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{line}  elapsed {clock.GetElapsedTime(started).TotalSeconds:0.0} s"));
            }
        }

        runtime.Decided += (_, _) =>
        {
            if (Volatile.Read(ref id) is { } executionId)
            {
                Report(executionId);
            }
        };
        Volatile.Write(ref id, runtime.Start(spec, input, parameters));
        var result = await runtime.WaitAsync(id).ConfigureAwait(false);
        Report(id);
        return result;
    }

    internal static string Line(WorkflowRun run)
    {
        var states = run.Tasks.Select(t => t.State.ToMistral()).ToList();
        var done = states.Count(s => s == "SUCCESS");
        var failed = states.Count(s => s is "ERROR" or "CANCELLED");
        return string.Create(CultureInfo.InvariantCulture,
            $"{run.Execution.State.ToMistral(),-9} tasks: {done} done, {states.Count - done - failed} running, {failed} failed");
    }
}
