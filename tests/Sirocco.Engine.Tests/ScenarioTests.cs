using Sirocco.Engine.Tests.Harness;

namespace Sirocco.Engine.Tests;

/// <summary>Golden scenarios: every file under Scenarios/ runs against the pure engine and must match its expectations.</summary>
public class ScenarioTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        var root = Path.Combine(AppContext.BaseDirectory, "Scenarios");
        foreach (var file in Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Scenario_runs_as_expected(string file)
    {
        var scenario = Scenario.Load(Path.Combine(AppContext.BaseDirectory, "Scenarios", file));

        var harness = scenario.Run();

        scenario.Verify(harness);
    }
}
