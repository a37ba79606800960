using Sirocco.Language.Model;
using YamlDotNet.Core;

namespace Sirocco.Language.Parsing;

/// <summary>Collects diagnostics while a document is read; reading goes on after an error to report as many as possible.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public int Count => _items.Count;

    public IReadOnlyList<Diagnostic> Items => _items;

    public void Add(YamlNode node, string path, string message) => Add(At(node.Start), path, message);

    public void Add(SourceLocation location, string path, string message) => _items.Add(new Diagnostic(message, path, location));

    public static SourceLocation At(Mark mark) => new((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));
}
