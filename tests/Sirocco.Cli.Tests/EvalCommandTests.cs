namespace Sirocco.Cli.Tests;

public class EvalCommandTests
{
    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.BuildRoot().Parse(["eval", .. args])
            .Invoke(new System.CommandLine.InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString().Trim(), error.ToString().Trim());
    }

    [Fact]
    public void Prints_the_typed_value_as_json()
    {
        var (exit, output, _) = Run("{{ _.vms | map(attribute='n') | list }}", "--context", """{"vms": [{"n": 1}, {"n": 2.5}]}""");

        Assert.Equal(0, exit);
        Assert.Equal("[1,2.5]", output);
    }

    [Fact]
    public void Reads_the_context_from_a_file()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """{"name": "vm"}""");

            var (exit, output, _) = Run("Hello {{ _.name }}", "--context", file);

            Assert.Equal(0, exit);
            Assert.Equal("\"Hello vm\"", output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void An_expression_error_exits_1_with_its_category()
    {
        var (exit, output, error) = Run("{{ _.missing }}");

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains("[undefined]", error, StringComparison.Ordinal);
        Assert.Contains("'dict object' has no attribute 'missing'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_context_exits_2()
    {
        var (exit, _, error) = Run("{{ 1 }}", "--context", "{not json");

        Assert.Equal(2, exit);
        Assert.Contains("cannot read the context", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_without_expressions_is_printed_unchanged()
    {
        Assert.Equal("\"plain\"", Run("plain").Output);
    }

    [Fact]
    public void Repeat_reports_the_time_per_evaluation()
    {
        var (exit, output, error) = Run("{{ 1 + 1 }}", "--repeat", "10");

        Assert.Equal(0, exit);
        Assert.Equal("2", output);
        Assert.Matches(@"^9 evaluations, \d+\.\d\d µs each$", error);
    }
}
