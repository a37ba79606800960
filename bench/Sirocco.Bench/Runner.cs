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
    /// Untimed runs of about <paramref name="units"/> tasks of the scenario's shape, repeated as below, so the
    /// figures measure steady work and not first-call costs: connection pools, workflow caches and,
    /// for Sirocco, the .NET JIT — it recompiles hot code in tiers over the first few thousand events,
    /// and on 2 cores that took 30–40 % of the CPU of a measured 2,000-task chain after a 10-task warm-up.
    /// </summary>
    public static async Task WarmUpAsync(Scenarios scenarios, string scenario, BenchOptions options, int units, CancellationToken cancel, TimeSpan atLeast = default, int executions = 0)
    {
        if (units <= 0)
        {
            return; // --warmup 0: none (a chain of no tasks is not a workflow).
        }

        // At least `atLeast`, and at least `executions` executions (code run once per execution reaches the JIT's
        // last tier only after some 60 calls), but the latter for no longer than three times `atLeast`.
        var started = DateTime.UtcNow;
        var done = 0;
        do
        {
            done += await WarmUpOnceAsync(scenarios, scenario, options, units, cancel);
        }
        while (DateTime.UtcNow - started < atLeast || (done < executions && DateTime.UtcNow - started < 3 * atLeast));
    }

    /// <summary>Executions of a Sirocco warm-up: the per-execution code (start, finish, the bench's reads) runs at least this often.</summary>
    public const int WarmUpExecutions = 100;

    /// <summary>Runs about <paramref name="units"/> tasks of the scenario's shape; returns how many executions that took.</summary>
    private static async Task<int> WarmUpOnceAsync(Scenarios scenarios, string scenario, BenchOptions options, int units, CancellationToken cancel)
    {
        // Runs of the measured size, repeated: one long run would warm the per-task code but call the per-execution
        // code (start, finish, the bench's reads) once, and the JIT would then tier that code up in the background
        // during the timed runs — on 2 cores it took half the server's CPU in a 100-task chain after a warm-up of
        // single 5,000-task chains (docs/benchmarks.md, ninth session).
        return scenario switch
        {
            "chain" => await RepeatAsync(units / options.Chain, () => scenarios.ChainAsync(Math.Min(options.Chain, units), cancel)),
            "items" => await RepeatAsync(units / options.Items, () => scenarios.ItemsAsync(Math.Min(options.Items, units), cancel)),
            "parallel" => await ParallelAsync(Math.Max(1, units / options.ParallelTasks)),
            "async" => await RepeatAsync(units / options.AsyncActions, () => scenarios.AsyncAsync(Math.Min(options.AsyncActions, units), options.Callers, cancel)),
            // The context grows with the chain: a longer chain would measure a larger context than the run's.
            "context" => await RepeatAsync(units / options.Context, () => scenarios.ContextAsync(Math.Min(options.Context, units), options.Blob, cancel)),
            // Fan-out F three levels deep runs F + F² + F³ tasks; repeated like the context.
            "nested" => await RepeatAsync(units / Workflows.NestedTasks(options.Nested), () => scenarios.NestedAsync(Math.Min(options.Nested, Math.Max(2, (int)Math.Cbrt(units))), cancel)),
            _ => throw new ArgumentException($"unknown scenario {scenario}"),
        };

        async Task<int> ParallelAsync(int executions)
        {
            await scenarios.ParallelAsync(executions, options.ParallelTasks, cancel);
            return executions;
        }
    }

    /// <summary>
    /// A short untimed run (about <see cref="PrimeUnits"/> tasks) right before a timed one, given to both servers
    /// in <c>compare</c>: each idles while the other runs, and Sirocco's first 100-task chain after a Mistral run of
    /// a few seconds was about 15 % slower than the next one (threads and caches gone cold), which measured the
    /// idle, not the work.
    /// </summary>
    public static Task PrimeAsync(Scenarios scenarios, string scenario, BenchOptions options, CancellationToken cancel) =>
        WarmUpAsync(scenarios, scenario, options, PrimeUnits, cancel);

    public const int PrimeUnits = 20;

    /// <summary>Runs <paramref name="run"/> <paramref name="times"/> times (at least once); returns how many times.</summary>
    private static async Task<int> RepeatAsync(int times, Func<Task<RunResult>> run)
    {
        var count = 0;
        do
        {
            await run();
            count++;
        }
        while (count < times);

        return count;
    }
}
