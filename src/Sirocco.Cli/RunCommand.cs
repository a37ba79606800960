using System.CommandLine;
using System.Text;
using System.Text.Json;
using Sirocco.Engine;
using Sirocco.Engine.State;
using Sirocco.Expressions.Values;
using Sirocco.Language;
using Sirocco.Language.Model;
using Sirocco.Runtime.InMemory;

namespace Sirocco.Cli;

/// <summary>
/// <c>sirocco run FILE [--workflow NAME] [--input JSON|@file] [--params JSON] [--json]</c>: runs a workflow
/// to its end in this process (no server, no database) with the built-in actions, and prints the execution.
/// Exit codes: 0 SUCCESS, 1 ERROR or CANCELLED, 2 invalid definition or input.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The workflow (or workbook) YAML file." };
        var workflow = new Option<string?>("--workflow", "-w") { Description = "The workflow to run (default: the only, or first, one in the file)." };
        var input = new Option<string?>("--input", "-i") { Description = "Workflow input: inline JSON, or @file holding JSON." };
        var parameters = new Option<string?>("--params", "-p") { Description = "Execution params as JSON, e.g. {\"env\": {...}} or {\"task_name\": \"t\"}." };
        var json = new Option<bool>("--json") { Description = "Print one JSON document: state, state_info, output and tasks." };
        var command = new Command("run", "Run a workflow locally to its end and print the execution.")
        {
            file,
            workflow,
            input,
            parameters,
            json,
        };
        command.SetAction(async (parse, cancellation) => await RunAsync(
            parse.GetValue(file)!,
            parse.GetValue(workflow),
            parse.GetValue(input),
            parse.GetValue(parameters),
            parse.GetValue(json),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            cancellation).ConfigureAwait(false));
        return command;
    }

    internal static async Task<int> RunAsync(
        FileInfo file, string? workflowName, string? inputArgument, string? paramsArgument, bool json,
        TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        string yaml;
        try
        {
            yaml = await File.ReadAllTextAsync(file.FullName, cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: cannot read {file.Name}: {e.Message}").ConfigureAwait(false);
            return 2;
        }

        var evaluator = Expressions.Expressions.CreateEvaluator();
        var parsed = WorkflowParser.Parse(yaml, ParseOptions.ForEvaluator(evaluator));
        if (!parsed.IsValid)
        {
            foreach (var diagnostic in parsed.Diagnostics)
            {
                await error.WriteLineAsync($"{file.Name}:{diagnostic}").ConfigureAwait(false);
            }

            return 2;
        }

        var document = parsed.Document!;
        var spec = workflowName is null ? document.Workflows.FirstOrDefault() : Find(document, workflowName);
        if (spec is null)
        {
            await error.WriteLineAsync(workflowName is null
                ? $"error: {file.Name} defines no workflow."
                : $"error: no workflow '{workflowName}' in {file.Name} (it has: {string.Join(", ", document.Workflows.Select(w => w.Name))}).").ConfigureAwait(false);
            return 2;
        }

        DictValue input;
        DictValue parameters;
        try
        {
            input = ReadDict(inputArgument, "--input");
            parameters = ReadDict(paramsArgument, "--params");
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or FormatException)
        {
            await error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return 2;
        }

        if (WorkflowEngine.ValidateInput(spec, input) is { } invalid)
        {
            await error.WriteLineAsync($"error: {invalid}").ConfigureAwait(false);
            return 2;
        }

        output = TextWriter.Synchronized(output);
        await using var runtime = new InMemoryRuntime(name => Find(document, name), evaluator);
        if (!json)
        {
            // Live progress: one line per task state change, written from the runtime's single loop.
            var seen = new Dictionary<string, ExecutionState>(StringComparer.Ordinal);
            runtime.Decided += (_, decision) => Progress(decision, seen, output);
        }

        var run = await runtime.RunAsync(spec, input, parameters).WaitAsync(cancellation).ConfigureAwait(false);
        await output.WriteLineAsync(json ? ToJson(run) : ToText(run)).ConfigureAwait(false);
        return run.Execution.State == ExecutionState.Success ? 0 : 1;
    }

    private static void Progress(Decision decision, Dictionary<string, ExecutionState> seen, TextWriter output)
    {
        foreach (var change in decision.Changes)
        {
            var task = change switch
            {
                Engine.Changes.TaskExecutionCreated created => created.Task,
                Engine.Changes.TaskExecutionUpdated updated => updated.Task,
                _ => null,
            };
            if (task is not null && (!seen.TryGetValue(task.Id, out var before) || before != task.State))
            {
                seen[task.Id] = task.State;
                output.WriteLine($"  {task.UpdatedAt:HH:mm:ss} {task.WorkflowName}.{task.Name}: {task.State.ToMistral()}");
            }
        }
    }

    /// <summary>Finds a workflow by its name, or by the part after a workbook prefix (<c>wb.wf</c>).</summary>
    private static WorkflowSpec? Find(WorkflowDocument document, string name) =>
        document.FindWorkflow(name)
        ?? (name.Contains('.', StringComparison.Ordinal) ? document.FindWorkflow(name[(name.LastIndexOf('.') + 1)..]) : null);

    private static DictValue ReadDict(string? argument, string option)
    {
        if (string.IsNullOrWhiteSpace(argument))
        {
            return DictValue.Empty;
        }

        var text = argument.StartsWith('@') ? File.ReadAllText(argument[1..]) : argument;
        return JsonValues.Parse(text) as DictValue ?? throw new FormatException($"{option} must be a JSON object.");
    }

    internal static string ToJson(WorkflowRun run)
    {
        var tasks = run.Tasks.Select(t => (Value)DictValue.From([
            new KeyValuePair<string, Value>("name", Value.From(t.Name)),
            new KeyValuePair<string, Value>("state", Value.From(t.State.ToMistral())),
            new KeyValuePair<string, Value>("state_info", Value.From(t.StateInfo)),
            new KeyValuePair<string, Value>("published", t.Published),
            new KeyValuePair<string, Value>("result", t.Result ?? Value.Null),
        ]));
        var document = DictValue.From([
            new KeyValuePair<string, Value>("state", Value.From(run.Execution.State.ToMistral())),
            new KeyValuePair<string, Value>("state_info", Value.From(run.Execution.StateInfo)),
            new KeyValuePair<string, Value>("output", run.Execution.Output),
            new KeyValuePair<string, Value>("tasks", new ListValue(tasks)),
        ]);
        return document.ToJson();
    }

    internal static string ToText(WorkflowRun run)
    {
        var text = new StringBuilder();
        var execution = run.Execution;
        text.Append("Execution ").Append(execution.Id).Append(" (").Append(execution.WorkflowName).Append("): ")
            .AppendLine(execution.State.ToMistral());
        if (execution.StateInfo is not null)
        {
            text.AppendLine(execution.StateInfo.TrimEnd());
        }

        text.AppendLine("Tasks:");
        foreach (var task in run.Tasks)
        {
            text.Append("  ").Append(task.Name).Append(": ").Append(task.State.ToMistral());
            if (task.Published.Count > 0)
            {
                text.Append("  published=").Append(task.Published.ToJson());
            }

            if (task.StateInfo is not null)
            {
                text.Append("  (").Append(task.StateInfo.Split('\n')[0]).Append(')');
            }

            text.AppendLine();
        }

        text.Append("Output: ").Append(execution.Output.ToJson());
        return text.ToString();
    }
}
