using System.CommandLine;
using System.Text.Json.Nodes;

namespace Sirocco.Cli.Client;

/// <summary><c>sirocco execution start|list|get|pause|resume|cancel|watch</c> against a server.</summary>
internal static class ExecutionCommands
{
    internal static readonly string[] ListFields = ["id", "workflow_name", "state", "created_at", "updated_at"];
    private static readonly string[] RecordFields = ["id", "workflow_name", "workflow_id", "state", "state_info", "input", "output", "created_at", "updated_at", "task_execution_id"];

    public static Command Create()
    {
        var options = new ClientOptions();
        var group = new Command("execution", "Start, inspect and steer workflow executions on a server (--url or SIROCCO_URL).");
        options.AddTo(group);

        var workflow = new Argument<string>("WORKFLOW") { Description = "Workflow name or id." };
        var input = new Option<string?>("--input", "-i") { Description = "Workflow input: inline JSON, or @file holding JSON." };
        var watch = new Option<bool>("--watch") { Description = "Follow the execution until it ends (as `execution watch`)." };
        var start = new Command("start", "Start an execution.") { workflow, input, watch };
        options.SetAction(start, async (parse, client, output, cancel) =>
        {
            var text = parse.GetValue(input) is { Length: > 0 } i ? (i.StartsWith('@') ? await File.ReadAllTextAsync(i[1..], cancel).ConfigureAwait(false) : i) : "{}";
            if (JsonNode.Parse(text) is not JsonObject)
            {
                throw new ClientException("--input must be a JSON object.");
            }

            var body = new JsonObject { ["workflow_name"] = parse.GetValue(workflow), ["input"] = text };
            var execution = await client.PostJsonAsync("v2/executions", body, cancel).ConfigureAwait(false);
            if (parse.GetValue(watch))
            {
                return await ExecutionWatch.RunAsync(client, output, Output.Text(execution["id"]), cancel).ConfigureAwait(false);
            }

            PrintOne(output, execution);
            return 0;
        });

        var state = new Option<string?>("--state") { Description = "Only executions in this state (RUNNING, SUCCESS, ERROR, ...)." };
        var ofWorkflow = new Option<string?>("--workflow") { Description = "Only executions of this workflow name." };
        var limit = new Option<int>("--limit") { Description = "At most this many, newest first.", DefaultValueFactory = _ => 50 };
        var list = new Command("list", "List executions, newest first.") { state, ofWorkflow, limit };
        options.SetAction(list, async (parse, client, output, cancel) =>
        {
            var query = $"v2/executions?sort_keys=created_at&sort_dirs=desc&limit={parse.GetValue(limit)}";
            query += parse.GetValue(state) is { } s ? $"&state={Uri.EscapeDataString(s)}" : "";
            query += parse.GetValue(ofWorkflow) is { } w ? $"&workflow_name={Uri.EscapeDataString(w)}" : "";
            var rows = (await client.GetAsync(query, cancel).ConfigureAwait(false))["executions"]!.AsArray();
            if (output.IsJson)
            {
                output.Json(rows);
            }
            else
            {
                output.Table(rows, ListFields);
            }

            return 0;
        });

        group.Subcommands.Add(start);
        group.Subcommands.Add(list);
        group.Subcommands.Add(IdCommand(options, "get", "Show an execution.", (client, id, cancel) => client.GetAsync($"v2/executions/{id}", cancel)));
        group.Subcommands.Add(StateCommand(options, "pause", "PAUSED"));
        group.Subcommands.Add(StateCommand(options, "resume", "RUNNING"));
        group.Subcommands.Add(StateCommand(options, "cancel", "CANCELLED"));

        var watchId = new Argument<string>("EXECUTION") { Description = "Execution id." };
        var watchCommand = new Command("watch", "Follow an execution until it ends: tasks done/running/failed and elapsed time. Exit 0 on SUCCESS.") { watchId };
        options.SetAction(watchCommand, (parse, client, output, cancel) => ExecutionWatch.RunAsync(client, output, parse.GetValue(watchId)!, cancel));
        group.Subcommands.Add(watchCommand);
        return group;
    }

    private static Command StateCommand(ClientOptions options, string name, string state) =>
        IdCommand(options, name, $"Set an execution's state to {state}.", (client, id, cancel) =>
            client.PutJsonAsync($"v2/executions/{id}", new JsonObject { ["state"] = state }, cancel));

    private static Command IdCommand(ClientOptions options, string name, string description, Func<SiroccoClient, string, CancellationToken, Task<JsonNode>> call)
    {
        var id = new Argument<string>("EXECUTION") { Description = "Execution id." };
        var command = new Command(name, description) { id };
        options.SetAction(command, async (parse, client, output, cancel) =>
        {
            PrintOne(output, await call(client, Uri.EscapeDataString(parse.GetValue(id)!), cancel).ConfigureAwait(false));
            return 0;
        });
        return command;
    }

    private static void PrintOne(Output output, JsonNode execution)
    {
        if (output.IsJson)
        {
            output.Json(execution);
        }
        else
        {
            output.Record(execution, RecordFields);
        }
    }
}
