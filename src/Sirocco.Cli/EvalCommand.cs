using System.CommandLine;
using System.Text.Json;
using Sirocco.Expressions;
using Sirocco.Expressions.Values;

namespace Sirocco.Cli;

/// <summary><c>sirocco eval EXPR [--context FILE|JSON]</c>: evaluates one string value as a workflow would.</summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var expression = new Argument<string>("expression")
        {
            Description = "The string value, delimiters included: \"<% $.x + 1 %>\", \"{{ _.x | upper }}\", \"Hello {{ _.name }}\".",
        };
        var context = new Option<string?>("--context", "-c")
        {
            Description = "The data context (YAQL '$', Jinja '_'): a JSON file path or inline JSON. Default {}.",
        };
        var repeat = new Option<int>("--repeat")
        {
            Description = "Evaluate this many times and print the mean time per evaluation to stderr (the first, parsing run excluded).",
            DefaultValueFactory = _ => 1,
        };
        var command = new Command("eval", "Evaluate a YAQL or Jinja2 expression string and print the value as JSON.")
        {
            expression,
            context,
            repeat,
        };
        command.SetAction(parse => Run(
            parse.GetValue(expression)!, parse.GetValue(context), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(repeat)));
        return command;
    }

    internal static int Run(string expression, string? contextArgument, TextWriter output, TextWriter error, int repeat = 1)
    {
        Value data;
        try
        {
            data = ReadContext(contextArgument);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot read the context: {e.Message}");
            return 2;
        }

        var evaluator = Expressions.Expressions.CreateEvaluator();
        var expressionContext = new ExpressionContext(data);
        var result = evaluator.Evaluate(expression, expressionContext);
        if (repeat > 1)
        {
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 1; i < repeat; i++)
            {
                evaluator.Evaluate(expression, expressionContext);
            }

            stopwatch.Stop();
            var micro = stopwatch.Elapsed.TotalMicroseconds / (repeat - 1);
            error.WriteLine(FormattableString.Invariant($"{repeat - 1} evaluations, {micro:F2} µs each"));
        }
        if (!result.IsSuccess)
        {
            var e = result.Error!;
            error.WriteLine($"error [{e.Category}]{(e.Position is { } p ? $" at {p}" : string.Empty)}: {e.Message}");
            return 1;
        }

        output.WriteLine(result.Value!.ToJson());
        return 0;
    }

    internal static Value ReadContext(string? argument)
    {
        if (string.IsNullOrWhiteSpace(argument))
        {
            return DictValue.Empty;
        }

        var trimmed = argument.TrimStart();
        var json = trimmed.StartsWith('{') || trimmed.StartsWith('[') || !File.Exists(argument) ? argument : File.ReadAllText(argument);
        return JsonValues.Parse(json);
    }
}
