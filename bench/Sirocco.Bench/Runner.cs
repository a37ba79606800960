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
            "async" => [await scenarios.AsyncAsync(options.AsyncActions, cancel)],
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
}
