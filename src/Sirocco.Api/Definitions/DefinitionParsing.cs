using Sirocco.Api.Http;
using Sirocco.Expressions.Values;
using Sirocco.Language;
using Sirocco.Language.Model;
using Sirocco.Persistence.Definitions;

namespace Sirocco.Api.Definitions;

/// <summary>Turns uploaded YAML into stored definition records, or a 400 with the parser's diagnostics.</summary>
internal static class DefinitionParsing
{
    /// <summary>Mistral's owner of everything while authentication is off.</summary>
    public const string DefaultProject = "<default-project>";

    public static WorkflowDocument ParseOrThrow(string text, DocumentKind kind, string @namespace, DefinitionLimits? limits)
    {
        var result = WorkflowParser.Parse(text, new ParseOptions { Kind = kind, Namespace = @namespace, Limits = limits });
        return result.Document ?? throw InvalidDsl(result);
    }

    /// <summary>The server's definition limits (null when the host registered none).</summary>
    public static DefinitionLimits? Limits(HttpRequest request) => request.HttpContext.RequestServices.GetService<DefinitionLimits>();

    /// <summary>The options a <c>validate</c> endpoint parses with.</summary>
    public static ParseOptions ValidationOptions(HttpRequest request) => new() { Limits = Limits(request) };

    /// <summary>The faultstring of a failed parse: every diagnostic with its line and column.</summary>
    public static string Describe(ParseResult result) =>
        "Invalid DSL: " + string.Join("; ", result.Diagnostics.Select(d => $"line {d.Line}, column {d.Column}" + (d.Path.Length > 0 ? $" ({d.Path})" : string.Empty) + $": {d.Message}"));

    public static JsonArray DiagnosticsJson(ParseResult result) =>
        [.. result.Diagnostics.Select(d => (JsonNode)new JsonObject
        {
            ["line"] = d.Line,
            ["column"] = d.Column,
            ["path"] = d.Path,
            ["message"] = d.Message,
        })];

    public static string CheckScope(string? scope) => scope switch
    {
        null or "" => "private",
        "private" or "public" => scope,
        _ => throw ApiException.BadRequest($"Invalid scope: '{scope}'. Expected one of ['private', 'public']"),
    };

    public static List<DefinitionRecord> WorkflowRecords(WorkflowDocument document, string scope, DateTimeOffset now, string? workbook = null)
    {
        var single = document.Workflows.Length == 1 && workbook is null;
        return [.. document.Workflows.Select(wf => new DefinitionRecord(
            Guid.NewGuid().ToString(),
            DefinitionKind.Workflow,
            workbook is null ? wf.Name : $"{workbook}.{wf.Name}",
            document.Namespace,
            DefaultProject,
            scope,
            single ? document.Definition : Dedent(wf.Definition),
            [.. wf.Tags],
            now,
            null)
        {
            Input = wf.InputSignature,
            InterfaceJson = Interface(wf).ToJsonString(),
            Description = wf.Description,
            WorkbookName = workbook,
        })];
    }

    public static List<DefinitionRecord> ActionRecords(WorkflowDocument document, string scope, DateTimeOffset now, string? workbook = null)
    {
        var single = document.Actions.Length == 1 && workbook is null;
        return [.. document.Actions.Select(action => new DefinitionRecord(
            Guid.NewGuid().ToString(),
            DefinitionKind.Action,
            workbook is null ? action.Name : $"{workbook}.{action.Name}",
            document.Namespace,
            DefaultProject,
            scope,
            single ? document.Definition : Dedent(action.Definition),
            [.. action.Tags],
            now,
            null)
        {
            Input = action.InputSignature,
            Description = action.Description,
            WorkbookName = workbook,
        })];
    }

    public static DefinitionRecord WorkbookRecord(WorkflowDocument document, string scope, DateTimeOffset now) =>
        new(Guid.NewGuid().ToString(), DefinitionKind.Workbook, document.Name ?? string.Empty, document.Namespace, DefaultProject, scope,
            document.Definition, [.. document.Tags], now, null)
        {
            Description = document.Description,
        };

    /// <summary>Mistral's workflow <c>interface</c>: inputs as names or <c>{name: default}</c>, outputs as names.</summary>
    private static JsonObject Interface(WorkflowSpec workflow)
    {
        var input = new JsonArray();
        foreach (var parameter in workflow.Input)
        {
            input.Add(parameter.Default is null
                ? JsonValue.Create(parameter.Name)
                : new JsonObject { [parameter.Name] = JsonNode.Parse(JsonValues.ToJson(parameter.Default)) });
        }

        var output = new JsonArray();
        foreach (var key in workflow.Output.Keys)
        {
            output.Add(JsonValue.Create(JsonValues.KeyText(key)));
        }

        return new JsonObject { ["input"] = input, ["output"] = output };
    }

    /// <summary>A workbook's workflow is stored as its own sub-tree, moved to the left margin (as Mistral shows it).</summary>
    private static string Dedent(string text)
    {
        var lines = text.Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart(' ').Length).DefaultIfEmpty(0).Min();
        return indent == 0 ? text : string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart(' ')));
    }

    private static ApiException InvalidDsl(ParseResult result) => new(StatusCodes.Status400BadRequest, Describe(result));
}
