namespace Sirocco.Cli.Tests;

public sealed class ConformanceCommandTests : IDisposable
{
    private readonly DirectoryInfo _corpus = Directory.CreateTempSubdirectory("sirocco-corpus-");

    public void Dispose() => _corpus.Delete(recursive: true);

    private (int Exit, string Output) Run()
    {
        var output = new StringWriter();
        var exit = CliApp.BuildRoot().Parse(["conformance", "expressions", _corpus.FullName])
            .Invoke(new System.CommandLine.InvocationConfiguration { Output = output, Error = output });
        return (exit, output.ToString());
    }

    private void Write(params string[] jinjaRecords)
    {
        File.WriteAllText(Path.Combine(_corpus.FullName, "contexts.json"), """{"data": {"i": 7, "l": [3, 1]}}""");
        File.WriteAllLines(Path.Combine(_corpus.FullName, "jinja.jsonl"), jinjaRecords);
    }

    [Fact]
    public void All_passing_cases_exit_0_with_counts_per_language_and_group()
    {
        Write(
            """{"id": "a", "lang": "jinja", "group": "arith", "context": "data", "expr": "{{ _.i + 1 }}", "ok": true, "result": 8, "text": "8"}""",
            """{"id": "b", "lang": "jinja", "group": "error", "context": "data", "expr": "{{ _.x }}", "ok": false, "error": {"category": "undefined"}}""",
            """{"id": "c", "lang": "jinja", "group": "arith", "context": "data", "expr": "{{ _.l | sort }}", "ok": true, "result": [1, 3], "unordered": true}""");

        var (exit, output) = Run();

        Assert.Equal(0, exit);
        Assert.Contains("jinja / arith", output, StringComparison.Ordinal);
        Assert.Matches(@"jinja / arith\s+2 passed\s+0 failed", output);
        Assert.EndsWith("3 passed, 0 failed", output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_case_is_listed_with_expected_and_actual_and_exits_non_zero()
    {
        Write(
            """{"id": "ok1", "lang": "jinja", "group": "g", "context": "data", "expr": "{{ 1 }}", "ok": true, "result": 1}""",
            """{"id": "bad1", "lang": "jinja", "group": "g", "context": "data", "expr": "{{ 1.0 }}", "ok": true, "result": 1}""",
            """{"id": "bad2", "lang": "jinja", "group": "g", "context": "data", "expr": "{{ 'a' }}", "ok": true, "result": "a", "text": "b"}""");

        var (exit, output) = Run();

        Assert.NotEqual(0, exit);
        Assert.Contains("bad1", output, StringComparison.Ordinal);
        Assert.Contains("expected 1, got 1.0", output, StringComparison.Ordinal);
        Assert.Contains("expected text \"b\", got \"a\"", output, StringComparison.Ordinal);
        Assert.EndsWith("1 passed, 2 failed", output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_contexts_file_is_an_error()
    {
        File.WriteAllText(Path.Combine(_corpus.FullName, "jinja.jsonl"), string.Empty);

        Assert.Equal(2, Run().Exit);
    }
}
