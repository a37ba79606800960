using Sirocco.Language.Model;
using Sirocco.Language.Parsing;
using YamlDotNet.Core;

namespace Sirocco.Language;

/// <summary>
/// The entry point of the language layer: Mistral Workflow Language v2 YAML in, an immutable
/// <see cref="WorkflowDocument"/> or diagnostics out. Pure and thread-safe; expected errors never throw.
/// </summary>
public static class WorkflowParser
{
    /// <summary>Parses and validates one YAML text.</summary>
    public static ParseResult Parse(string yaml, ParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        options ??= ParseOptions.Default;
        var bag = new DiagnosticBag();
        if (options.Limits?.CheckSize(yaml) is { } tooLarge)
        {
            bag.Add(new SourceLocation(1, 1), string.Empty, tooLarge);
            return ParseResult.Failure(bag.Items);
        }

        var root = YamlLoader.Load(yaml, bag);
        if (root is null)
        {
            return ParseResult.Failure(bag.Items);
        }

        var document = new SpecReader(yaml, bag, options.ResolveSyntaxChecker(), options.Limits).ReadDocument(root, options.Kind, options.Namespace);
        return bag.Count == 0 && document is not null ? ParseResult.Success(document) : ParseResult.Failure(bag.Items);
    }

    /// <summary>Parses a file of standalone workflows (<c>version</c> + workflows by name).</summary>
    public static ParseResult ParseWorkflows(string yaml, ParseOptions? options = null) =>
        Parse(yaml, WithKind(options, DocumentKind.Workflows));

    /// <summary>Parses a workbook.</summary>
    public static ParseResult ParseWorkbook(string yaml, ParseOptions? options = null) =>
        Parse(yaml, WithKind(options, DocumentKind.Workbook));

    /// <summary>Parses a file of ad-hoc actions (<c>version</c> + actions by name).</summary>
    public static ParseResult ParseActions(string yaml, ParseOptions? options = null) =>
        Parse(yaml, WithKind(options, DocumentKind.Actions));

    private static ParseOptions WithKind(ParseOptions? options, DocumentKind kind) => new()
    {
        Kind = kind,
        Namespace = options?.Namespace ?? string.Empty,
        ExpressionSyntaxChecker = options?.ExpressionSyntaxChecker,
        CheckExpressionSyntax = options?.CheckExpressionSyntax ?? true,
        Limits = options?.Limits,
    };
}
