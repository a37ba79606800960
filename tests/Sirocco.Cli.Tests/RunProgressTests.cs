namespace Sirocco.Cli.Tests;

public sealed class RunProgressTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sirocco-progress-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Run_prints_progress_lines_on_stderr_and_keeps_stdout_for_the_result()
    {
        var (exit, output, error) = await RunAsync("""
            version: '2.0'
            two:
              tasks:
                a:
                  action: std.noop
                  on-success: [b]
                b:
                  action: std.fail
            """);

        Assert.Equal(1, exit);
        Assert.Matches(@"ERROR\s+tasks: 1 done, 0 running, 1 failed  elapsed \d+\.\d s", error);
        Assert.DoesNotContain(" done, ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_with_json_prints_no_progress()
    {
        var (exit, _, error) = await RunAsync("version: '2.0'\none:\n  tasks:\n    a:\n      action: std.noop\n", "--json");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(string yaml, params string[] options)
    {
        var file = Path.Combine(_folder, "wf.yaml");
        await File.WriteAllTextAsync(file, yaml);
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApp.BuildRoot().Parse(["run", file, .. options], CliApp.Parsing)
            .InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
