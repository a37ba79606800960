namespace Sirocco.Cli.Tests;

public class CliAppTests
{
    [Fact]
    public void Help_lists_the_server_command()
    {
        var output = new StringWriter();
        var result = CliApp.BuildRoot().Parse(["--help"]);

        var exit = result.Invoke(new System.CommandLine.InvocationConfiguration { Output = output });

        Assert.Equal(0, exit);
        Assert.Contains("server", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Version_is_printed()
    {
        var output = new StringWriter();

        var exit = CliApp.BuildRoot().Parse(["--version"]).Invoke(new System.CommandLine.InvocationConfiguration { Output = output });

        Assert.Equal(0, exit);
        // System.CommandLine prints the entry assembly's version (the test host here, sirocco when run for real).
        Assert.Matches(@"^\d+\.\d+\.\d+", output.ToString().Trim());
    }
}
