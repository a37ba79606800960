using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Sirocco.Cli.Client;

/// <summary>What a client command prints: Spectre.Console tables for people, the server's JSON with <c>--json</c>.</summary>
internal sealed class Output
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly TextWriter _writer;

    public Output(TextWriter writer, bool json)
    {
        _writer = writer;
        IsJson = json;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            // Tables go to a writer that may be a file or a test; colours only on a real terminal.
            Ansi = ReferenceEquals(writer, System.Console.Out) && !System.Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.No,
        });
        Console.Profile.Width = Math.Max(Console.Profile.Width, 140);
    }

    public bool IsJson { get; }

    public IAnsiConsole Console { get; }

    public void Json(JsonNode node) => _writer.WriteLine(node.ToJsonString(Indented));

    public void Line(string text) => _writer.WriteLine(text);

    /// <summary>A table of <paramref name="rows"/> with the given fields as columns.</summary>
    public void Table(IEnumerable<JsonNode?> rows, params string[] fields)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var field in fields)
        {
            table.AddColumn(new TableColumn(field));
        }

        foreach (var row in rows)
        {
            table.AddRow([.. fields.Select(f => Markup.Escape(Text(row?[f])))]);
        }

        Console.Write(table);
    }

    /// <summary>One resource as a two-column table of field and value.</summary>
    public void Record(JsonNode node, params string[] fields)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Field").AddColumn("Value");
        foreach (var field in fields)
        {
            table.AddRow(Markup.Escape(field), Markup.Escape(Text(node[field])));
        }

        Console.Write(table);
    }

    public static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        JsonValue value => value.ToJsonString(),
        JsonArray array => string.Join(", ", array.Select(Text)),
        _ => node.ToJsonString(),
    };

    public static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
