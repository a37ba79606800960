using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sirocco.Cli.Client;

/// <summary><c>sirocco task list|rerun</c> and <c>sirocco action complete</c> against a server.</summary>
internal static class TaskCommands
{
    private static readonly string[] TaskFields = ["id", "name", "type", "state", "state_info", "workflow_execution_id"];
    private static readonly string[] ActionFields = ["id", "name", "task_name", "state", "state_info", "output"];

    public static Command CreateTask()
    {
        var options = new ClientOptions();
        var group = new Command("task", "Inspect and rerun task executions on a server (--url or SIROCCO_URL).");
        options.AddTo(group);

        var execution = new Argument<string>("EXECUTION") { Description = "Execution id." };
        var list = new Command("list", "List the tasks of an execution.") { execution };
        options.SetAction(list, async (parse, client, output, cancel) =>
        {
            var tasks = (await client.GetAsync($"v2/executions/{Uri.EscapeDataString(parse.GetValue(execution)!)}/tasks", cancel).ConfigureAwait(false))["tasks"]!.AsArray();
            if (output.IsJson)
            {
                output.Json(tasks);
            }
            else
            {
                output.Table(tasks, TaskFields);
            }

            return 0;
        });

        var task = new Argument<string>("TASK") { Description = "Task execution id (a task in ERROR)." };
        var noReset = new Option<bool>("--no-reset") { Description = "Rerun only the failed with-items iterations instead of all of them." };
        var rerun = new Command("rerun", "Rerun a failed task.") { task, noReset };
        options.SetAction(rerun, async (parse, client, output, cancel) =>
        {
            var body = new JsonObject { ["state"] = "RUNNING", ["reset"] = !parse.GetValue(noReset) };
            var answer = await client.PutJsonAsync($"v2/tasks/{Uri.EscapeDataString(parse.GetValue(task)!)}", body, cancel).ConfigureAwait(false);
            PrintOne(output, answer, TaskFields);
            return 0;
        });

        group.Subcommands.Add(list);
        group.Subcommands.Add(rerun);
        return group;
    }

    public static Command CreateAction()
    {
        var options = new ClientOptions();
        var group = new Command("action", "Act on action executions on a server (--url or SIROCCO_URL).");
        options.AddTo(group);

        var id = new Argument<string>("ACTION_EXECUTION") { Description = "Action execution id (a delegate action waiting for its result)." };
        var state = new Option<string>("--state") { Description = "SUCCESS or ERROR.", DefaultValueFactory = _ => "SUCCESS" };
        state.AcceptOnlyFromAmong("SUCCESS", "ERROR");
        var output = new Option<string?>("--output", "-o") { Description = "The action's result: JSON, or plain text (an error message for ERROR)." };
        var complete = new Command("complete", "Complete a pending (delegate) action execution by hand.") { id, state, output };
        options.SetAction(complete, async (parse, client, printer, cancel) =>
        {
            var text = parse.GetValue(output) ?? "null";
            string result;
            try
            {
                result = (JsonNode.Parse(text) ?? JsonValue.Create((string?)null))?.ToJsonString() ?? "null";
            }
            catch (JsonException)
            {
                result = JsonValue.Create(text).ToJsonString();
            }

            var body = new JsonObject { ["state"] = parse.GetValue(state), ["output"] = result };
            var answer = await client.PutJsonAsync($"v2/action_executions/{Uri.EscapeDataString(parse.GetValue(id)!)}", body, cancel).ConfigureAwait(false);
            PrintOne(printer, answer, ActionFields);
            return 0;
        });
        group.Subcommands.Add(complete);
        return group;
    }

    private static void PrintOne(Output output, JsonNode node, string[] fields)
    {
        if (output.IsJson)
        {
            output.Json(node);
        }
        else
        {
            output.Record(node, fields);
        }
    }
}
