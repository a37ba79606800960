namespace Sirocco.Bench;

/// <summary>Runs one scenario by name with the sizes of the options and prints each run as it ends.</summary>
internal static class Runner
{
    public static async Task<IReadOnlyList<RunResult>> RunAsync(
        Scenarios scenarios, string scenario, BenchOptions options, string server, CancellationToken cancel)
    {
        IReadOnlyList<RunResult> runs = scenario switch
        {
            "chain" => [await scenarios.ChainAsync(options.Chain, cancel)],
            "items" => [await scenarios.ItemsAsync(options.Items, cancel)],
            "parallel" => [await scenarios.ParallelAsync(options.ParallelExecutions, options.ParallelTasks, cancel)],
            "async" => [await scenarios.AsyncAsync(options.AsyncActions, options.Callers, cancel)],
            // Two lengths: growth per task must not depend on the length of the chain.
            "context" => [await scenarios.ContextAsync(options.Context, options.Blob, cancel),
                await scenarios.ContextAsync(options.Context * 2, options.Blob, cancel)],
            "nested" => [await scenarios.NestedAsync(options.Nested, cancel)],
            _ => throw new ArgumentException($"unknown scenario {scenario}"),
        };
        foreach (var run in runs)
        {
            Report.PrintRun(server, run);
        }

        return runs;
    }

    /// <summary>
    /// One small untimed run, so the figures measure steady work and not first-call costs (JIT,
    /// connection pools, workflow caches) — on both servers alike.
    /// </summary>
    public static async Task WarmUpAsync(Scenarios scenarios, string scenario, BenchOptions options, CancellationToken cancel)
    {
        _ = scenario switch
        {
            "chain" => await scenarios.ChainAsync(Math.Min(options.Chain, 10), cancel),
            "items" => await scenarios.ItemsAsync(Math.Min(options.Items, 20), cancel),
            "parallel" => await scenarios.ParallelAsync(2, options.ParallelTasks, cancel),
            "async" => await scenarios.AsyncAsync(Math.Min(options.AsyncActions, 10), options.Callers, cancel),
            "context" => await scenarios.ContextAsync(Math.Min(options.Context, 10), options.Blob, cancel),
            "nested" => await scenarios.NestedAsync(2, cancel),
            _ => throw new ArgumentException($"unknown scenario {scenario}"),
        };
    }
}
