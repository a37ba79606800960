using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sirocco.Fuzz.Tests;

/// <summary>
/// The inputs every target is replayed with: the same seed corpora <c>fuzz/seeds.py</c> gives AFL, plus
/// every saved crash under <c>fuzz/regressions/&lt;target&gt;</c>.
/// </summary>
internal static partial class Seeds
{
    public static readonly string Root = FindRoot();

    public static IEnumerable<(string Name, byte[] Data)> For(string target)
    {
        var seeds = target switch
        {
            "yaml" => Directory.EnumerateFiles(Path.Combine(Root, "tests/Sirocco.Language.Tests/Corpus"), "*.yaml", SearchOption.AllDirectories)
                .Select(path => (Path.GetFileName(path), File.ReadAllBytes(path))),
            "yaql" => Expressions("yaql.jsonl")
                .Select(e => (e, YaqlBlock().Match(e)))
                .Where(m => m.Item2.Success)
                .Select(m => (m.e, Encoding.UTF8.GetBytes(m.Item2.Groups[1].Value.Trim()))),
            "jinja" => Expressions("jinja.jsonl").Select(e => (e, Encoding.UTF8.GetBytes(e))),
            "rest" => Files(Path.Combine(Root, "fuzz/corpus/rest")),
            _ => throw new ArgumentOutOfRangeException(nameof(target)),
        };
        return seeds.Concat(Files(Path.Combine(Root, "fuzz/regressions", target)));
    }

    private static IEnumerable<(string, byte[])> Files(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal).Select(path => (Path.GetFileName(path), File.ReadAllBytes(path)))
            : [];

    private static IEnumerable<string> Expressions(string file)
    {
        var path = Path.Combine(Root, "..", "shared", "conformance", "expressions", file);
        return File.ReadLines(path)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("expr").GetString()!);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sirocco.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Sirocco.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^<%((?:(?!<%).)*)%>$", RegexOptions.Singleline)]
    private static partial Regex YaqlBlock();
}
