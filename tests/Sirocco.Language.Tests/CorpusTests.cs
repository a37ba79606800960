using System.Text.RegularExpressions;

namespace Sirocco.Language.Tests;

/// <summary>
/// Drives the definition corpus: every file under <c>Corpus/valid</c> must parse without diagnostics; every file
/// under <c>Corpus/invalid</c> must produce exactly the diagnostics its leading <c># expect: line:col path: message</c>
/// comments list (in text order).
/// </summary>
public sealed partial class CorpusTests
{
    private static readonly string CorpusRoot = Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static TheoryData<string> ValidFiles() => Files("valid");

    public static TheoryData<string> InvalidFiles() => Files("invalid");

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void Valid_definition_parses_without_diagnostics(string file)
    {
        var result = WorkflowParser.Parse(File.ReadAllText(Path.Combine(CorpusRoot, "valid", file)));

        Assert.True(result.IsValid, $"{file}:\n{string.Join("\n", result.Diagnostics)}");
    }

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public void Invalid_definition_reports_the_expected_diagnostics(string file)
    {
        var text = File.ReadAllText(Path.Combine(CorpusRoot, "invalid", file));
        var expected = ExpectLine().Matches(text).Select(m => m.Groups[1].Value.TrimEnd()).ToList();
        Assert.NotEmpty(expected);

        var result = WorkflowParser.Parse(text);

        Assert.False(result.IsValid);
        // Compared as text so a failure shows both lists whole.
        Assert.Equal(string.Join("\n", expected), string.Join("\n", result.Diagnostics.Select(d => d.ToString())));
    }

    [Fact]
    public void Corpus_is_large_enough()
    {
        Assert.True(ValidFiles().Count >= 150, $"only {ValidFiles().Count} valid definitions");
        Assert.True(InvalidFiles().Count >= 60, $"only {InvalidFiles().Count} invalid definitions");
    }

    private static TheoryData<string> Files(string kind)
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Path.Combine(CorpusRoot, kind), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [GeneratedRegex(@"^# expect: (.+)$", RegexOptions.Multiline)]
    private static partial Regex ExpectLine();
}
