using System.Text.Json;
using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Tests.Conformance;

/// <summary>Loads the expression conformance corpus from <c>&lt;repo&gt;/../shared/conformance/expressions</c>.</summary>
internal static class ConformanceCorpus
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Sirocco.slnx")))
        {
            dir = dir.Parent;
        }

        return dir is null
            ? throw new InvalidOperationException("Repository root (Sirocco.slnx) not found.")
            : Path.Combine(dir.FullName, "..", "shared", "conformance", "expressions");
    });

    private static readonly Lazy<IReadOnlyDictionary<string, Value>> ContextsLazy = new(() =>
    {
        var root = (DictValue)JsonValues.Parse(File.ReadAllText(Path.Combine(Folder.Value, "contexts.json")));
        return root.ToDictionary(e => ((StringValue)e.Key).Value, e => e.Value);
    });

    public static IReadOnlyDictionary<string, Value> Contexts => ContextsLazy.Value;

    public static IReadOnlyList<JsonElement> Load(string file) =>
        [.. File.ReadLines(Path.Combine(Folder.Value, file))
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())];
}
