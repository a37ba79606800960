namespace Sirocco.Bench;

/// <summary>One timed run of one scenario against one server.</summary>
/// <param name="Scenario">Scenario name (chain, items, …).</param>
/// <param name="Size">Human-readable size, e.g. <c>1000</c> or <c>200x10</c>.</param>
/// <param name="Units">Tasks, items or completions the run counts.</param>
/// <param name="UnitName">What <paramref name="Units"/> counts.</param>
/// <param name="Seconds">Wall time of the timed part.</param>
/// <param name="DatabaseBytes">Database size after the run, when the server's file is known.</param>
/// <param name="DatabaseGrowth">Database growth during the run, when the server's file is known.</param>
/// <param name="LoadAverage">One-minute load average at the end of the run.</param>
/// <param name="CpuSeconds">CPU time the server's processes used during the run, when known.</param>
internal sealed record RunResult(
    string Scenario, string Size, int Units, string UnitName, double Seconds,
    long? DatabaseBytes, long? DatabaseGrowth, double LoadAverage, double? CpuSeconds)
{
    public double? CpuMillisecondsPerUnit => CpuSeconds * 1000 / Units;

    public double PerSecond => Units / Seconds;
}
