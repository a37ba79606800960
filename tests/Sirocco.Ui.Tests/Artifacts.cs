namespace Sirocco.Ui.Tests;

/// <summary>Where the UI tests leave screenshots: <c>TestResults/ui</c> at the repository root (scripts/test collects TestResults).</summary>
internal static class Artifacts
{
    public static string Directory { get; } = Create();

    private static string Create()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sirocco.slnx")))
        {
            dir = dir.Parent;
        }

        var path = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "TestResults", "ui");
        System.IO.Directory.CreateDirectory(path);
        return path;
    }
}
