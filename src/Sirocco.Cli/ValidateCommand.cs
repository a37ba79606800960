using System.CommandLine;
using System.Text.Json;
using Sirocco.Language;
using Sirocco.Language.Model;

namespace Sirocco.Cli;

/// <summary>
/// <c>sirocco validate FILE...</c>: parses workflow, workbook and action files and reports problems as
/// <c>file:line:col: path: message</c> (the compiler format editors understand), or as JSON with <c>--json</c>.
/// Exits 1 when any file is invalid or unreadable.
/// </summary>
internal static class ValidateCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        // Messages quote names ('t1', ->); the output is for people and tools, not for embedding in HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("FILE")
        {
            Description = "YAML files to validate.",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "Print machine-readable diagnostics." };
        var kind = new Option<DocumentKind?>("--kind")
        {
            Description = "What the files are: Workflows, Workbook or Actions (default: guessed from each file).",
        };
        var command = new Command("validate", "Check Mistral workflow language files and report every problem with its line and column.")
        {
            files,
            json,
            kind,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var reports = parse.GetValue(files)!.Select(f => Validate(f, parse.GetValue(kind))).ToList();
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(reports.Select(ToJson), JsonOptions));
            }
            else
            {
                foreach (var report in reports)
                {
                    WriteText(output, report);
                }
            }

            return reports.All(r => r.Diagnostics.Count == 0) ? 0 : 1;
        });
        return command;
    }

    private static FileReport Validate(FileInfo file, DocumentKind? kind)
    {
        string text;
        try
        {
            text = File.ReadAllText(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FileReport(file.ToString(), [new Diagnostic($"cannot read the file: {e.Message}", string.Empty, SourceLocation.Start)]);
        }

        var result = WorkflowParser.Parse(text, new ParseOptions { Kind = kind });
        return new FileReport(file.ToString(), result.Diagnostics);
    }

    private static void WriteText(TextWriter output, FileReport report)
    {
        if (report.Diagnostics.Count == 0)
        {
            output.WriteLine($"{report.File}: valid");
            return;
        }

        foreach (var d in report.Diagnostics)
        {
            var where = d.Path.Length == 0 ? string.Empty : d.Path + ": ";
            output.WriteLine($"{report.File}:{d.Line}:{d.Column}: {where}{d.Message}");
        }
    }

    private static object ToJson(FileReport report) => new Dictionary<string, object>
    {
        ["file"] = report.File,
        ["valid"] = report.Diagnostics.Count == 0,
        ["diagnostics"] = report.Diagnostics.Select(d => new Dictionary<string, object>
        {
            ["line"] = d.Line,
            ["column"] = d.Column,
            ["path"] = d.Path,
            ["message"] = d.Message,
        }).ToList(),
    };

    private sealed record FileReport(string File, IReadOnlyList<Diagnostic> Diagnostics);
}
