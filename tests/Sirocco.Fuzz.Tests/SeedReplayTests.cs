using System.Diagnostics;

namespace Sirocco.Fuzz.Tests;

/// <summary>Every seed and every saved crash passes through its fuzz target without an unexpected exception.</summary>
public sealed class SeedReplayTests
{
    public static TheoryData<string> Targets => [.. FuzzTargets.All.Keys];

    [Theory]
    [MemberData(nameof(Targets))]
    public void Every_seed_and_regression_input_runs_cleanly_and_quickly(string target)
    {
        var run = FuzzTargets.All[target];
        var count = 0;
        foreach (var (name, data) in Seeds.For(target))
        {
            var clock = Stopwatch.StartNew();
            var error = Record.Exception(() => run(data));
            Assert.True(error is null, $"{target} seed {name}: {error}");
            // A generous bound: the fuzzer's hang timeout is 5 s; a seed near it would be a finding.
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{target} seed {name} took {clock.Elapsed}");
            count++;
        }

        Assert.True(count >= 5, $"{target}: only {count} seeds found");
    }
}
