using BenchmarkDotNet.Attributes;
using Sirocco.Language;

namespace Sirocco.Benchmarks;

/// <summary>Parsing and validating large definitions (target: a 1,000-task workflow in under 50 ms).</summary>
// Min and median as well as the mean: on a shared build machine the mean mostly measures the neighbours.
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class ParseBenchmarks
{
    private string _yaml = string.Empty;

    [Params(100, 1000)]
    public int Tasks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _yaml = LargeWorkflow.Generate(Tasks);
        var result = WorkflowParser.Parse(_yaml);
        if (!result.IsValid || result.Document!.Workflows[0].Tasks.Length != Tasks)
        {
            throw new InvalidOperationException("The generated workflow does not parse: " + string.Join("\n", result.Diagnostics));
        }
    }

    [Benchmark]
    public object Parse() => WorkflowParser.Parse(_yaml);
}
