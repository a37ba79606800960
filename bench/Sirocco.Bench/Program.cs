using System.Globalization;
using Sirocco.Bench;

// Benchmarks any Mistral v2 REST server (Sirocco or real Mistral 15) with the scenarios of issue 10.
//   dotnet run -c Release --project bench/Sirocco.Bench -- targets
//   dotnet run -c Release --project bench/Sirocco.Bench -- compare --runs 3
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception error) when (error is ArgumentException or FormatException or IndexOutOfRangeException)
{
    Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
Console.WriteLine($"sirocco-bench {options.Mode}: {Machine.Describe()}");
Console.WriteLine($"  command: sirocco-bench {string.Join(' ', args)}");
Console.WriteLine($"  durable SQLite commits/s on this disk now (WAL, synchronous=FULL, sequential): {CommitProbe.CommitsPerSecond(TimeSpan.FromSeconds(2)):0}");

SiroccoProcess? started = null;
try
{
    var needsSirocco = options.Mode is "targets" or "compare";
    if (needsSirocco && options.SiroccoUrl is null)
    {
        started = await SiroccoProcess.StartAsync(options.SiroccoCli, TimeSpan.FromMinutes(10), stop.Token);
        Console.WriteLine($"  started Sirocco at {started.BaseUrl} (database {started.DatabasePath})");
    }

    using var sirocco = new MistralApi(started?.BaseUrl ?? options.SiroccoUrl ?? throw new ArgumentException("run needs --url"), TimeSpan.FromSeconds(120));
    var siroccoDb = started?.DatabasePath ?? options.SiroccoDb;
    var ours = new Scenarios(sirocco, siroccoDb is null ? null : new DatabaseProbe(siroccoDb, checkpoint: true),
        started is null ? null : new ProcessCpu(started.ProcessId), options.Timeout);
    var ourRuns = new List<RunResult>();
    if (options.Mode != "compare")
    {
        foreach (var scenario in options.ScenarioNames)
        {
            await Runner.WarmUpAsync(ours, scenario, options, options.WarmUp, stop.Token, TimeSpan.FromSeconds(options.WarmUpSeconds), Runner.WarmUpExecutions);
            for (var run = 0; run < options.Runs; run++)
            {
                ourRuns.AddRange(await Runner.RunAsync(ours, scenario, options, "sirocco", stop.Token));
            }
        }

        Console.WriteLine();
        Console.WriteLine(Report.Summary(options.Mode == "run" ? sirocco.BaseUrl : "Sirocco", ourRuns));
        return 0;
    }

    using var mistral = new MistralApi(options.MistralUrl, TimeSpan.FromSeconds(120));
    var theirs = new Scenarios(mistral, options.MistralDb is null ? null : new DatabaseProbe(options.MistralDb, checkpoint: false),
        ProcessCpu.FromPidFile("/tmp/mistral-peer/pids/mistral.pid"), options.Timeout);
    var theirRuns = new List<RunResult>();
    var settled = TimeSpan.Zero;
    foreach (var scenario in options.ScenarioNames)
    {
        // Mistral (Python, no JIT) is warm after a few tasks; its warm-up stays short because it runs at ~45 tasks/s.
        await Runner.WarmUpAsync(ours, scenario, options, options.WarmUp, stop.Token, TimeSpan.FromSeconds(options.WarmUpSeconds), Runner.WarmUpExecutions);
        await Runner.WarmUpAsync(theirs, scenario, options, 10, stop.Token);

        // Alternate the servers run by run, so a change in machine load falls on both; each primer and each timed
        // run starts on a quiet machine, not inside the other server's (or its own primer's) leftover work.
        for (var run = 0; run < options.Runs; run++)
        {
            settled += await QuietMachine.WaitAsync(stop.Token);
            await Runner.PrimeAsync(ours, scenario, options, stop.Token);
            settled += await QuietMachine.WaitAsync(stop.Token);
            ourRuns.AddRange(await Runner.RunAsync(ours, scenario, options, "sirocco", stop.Token));
            settled += await QuietMachine.WaitAsync(stop.Token);
            await Runner.PrimeAsync(theirs, scenario, options, stop.Token);
            settled += await QuietMachine.WaitAsync(stop.Token);
            theirRuns.AddRange(await Runner.RunAsync(theirs, scenario, options, "mistral", stop.Token));
        }
    }

    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  waited {settled.TotalSeconds:0.0} s in all for a quiet machine before primers and timed runs"));
    Console.WriteLine(Report.Ratios(ourRuns, theirRuns));
    Console.WriteLine(Report.Summary("Sirocco", ourRuns, withTargets: false));
    Console.WriteLine(Report.Summary("Mistral", theirRuns, withTargets: false));
    return 0;
}
finally
{
    started?.Dispose();
}
