using System.Globalization;
using System.Text;

namespace Sirocco.Bench;

/// <summary>Medians per server, scenario and size, printed as Markdown tables.</summary>
internal static class Report
{
    private static readonly Dictionary<string, double> Targets = new()
    {
        ["chain"] = 1000, ["items"] = 5000, ["parallel"] = 3000, ["async"] = 1500,
    };

    public static void PrintRun(string server, RunResult run) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {server,-8} {run.Scenario,-9} {run.Size,8}: {run.Seconds,8:0.000} s {run.PerSecond,9:0.0} {run.UnitName}/s" +
            $"{Db(run.DatabaseBytes, " db ")}{Db(run.DatabaseGrowth, " +")}{Cpu(run.CpuMillisecondsPerUnit)}  load {run.LoadAverage:0.0}"));

    public static string Summary(string server, IEnumerable<RunResult> runs, bool withTargets = true)
    {
        var text = new StringBuilder();
        text.AppendLine($"| {server} scenario | size | runs | median wall s | median rate | CPU/unit | DB after | DB growth | growth/task | load | target |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var group in runs.GroupBy(run => (run.Scenario, run.Size)))
        {
            var seconds = Median(group.Select(run => run.Seconds));
            var rate = Median(group.Select(run => run.PerSecond));
            var growth = group.All(run => run.DatabaseGrowth is not null) ? Median(group.Select(run => (double)run.DatabaseGrowth!.Value)) : double.NaN;
            var after = group.Last().DatabaseBytes;
            var units = group.First().Units;
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {group.Key.Scenario} | {group.Key.Size} | {group.Count()} | {seconds:0.000} | {rate:0.0} {group.First().UnitName}/s" +
                $" | {CpuCell(group)} | {Db(after, "")} | {(double.IsNaN(growth) ? "" : Mb(growth))} | {(double.IsNaN(growth) ? "" : $"{growth / units:0} B")}" +
                $" | {Median(group.Select(run => run.LoadAverage)):0.0} | {(withTargets ? Target(group.Key.Scenario, rate) : "")} |"));
        }

        return text.ToString();
    }

    public static string Ratios(IReadOnlyList<RunResult> sirocco, IReadOnlyList<RunResult> mistral)
    {
        var text = new StringBuilder();
        text.AppendLine("| scenario | size | Sirocco median | Mistral median | Sirocco ÷ Mistral | ≥50× | CPU ms/unit (S / M) | load (S / M) |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var group in sirocco.GroupBy(run => (run.Scenario, run.Size)))
        {
            var peers = mistral.Where(run => (run.Scenario, run.Size) == group.Key).ToList();
            if (peers.Count == 0)
            {
                continue;
            }

            var ours = Median(group.Select(run => run.PerSecond));
            var theirs = Median(peers.Select(run => run.PerSecond));
            var unit = group.First().UnitName;
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {group.Key.Scenario} | {group.Key.Size} | {ours:0.0} {unit}/s | {theirs:0.0} {unit}/s | {ours / theirs:0.0}× | {(ours / theirs >= 50 ? "yes" : "NO")}" +
                $" | {CpuCell(group)} / {CpuCell(peers)}" +
                $" | {Median(group.Select(run => run.LoadAverage)):0.0} / {Median(peers.Select(run => run.LoadAverage)):0.0} |"));
        }

        return text.ToString();
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Target(string scenario, double rate) =>
        Targets.TryGetValue(scenario, out var target)
            ? string.Create(CultureInfo.InvariantCulture, $"≥{target:0}: {(rate >= target ? "met" : $"missed ({rate / target:0%})")}")
            : "";

    private static string CpuCell(IEnumerable<RunResult> runs) =>
        runs.All(run => run.CpuMillisecondsPerUnit is not null)
            ? string.Create(CultureInfo.InvariantCulture, $"{Median(runs.Select(run => run.CpuMillisecondsPerUnit!.Value)):0.00} ms")
            : "";

    private static string Cpu(double? millisecondsPerUnit) =>
        millisecondsPerUnit is null ? "" : string.Create(CultureInfo.InvariantCulture, $" cpu {millisecondsPerUnit:0.00} ms/unit");

    private static string Db(long? bytes, string prefix) => bytes is null ? "" : prefix + Mb(bytes.Value);

    private static string Mb(double bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1_048_576:0.00} MiB");
}
