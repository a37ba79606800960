using System.CommandLine;
using System.Text.Json.Nodes;

namespace Sirocco.Cli.Client;

/// <summary><c>sirocco workflow create|list|get|delete</c> against a server.</summary>
internal static class WorkflowCommands
{
    private static readonly string[] ListFields = ["id", "name", "namespace", "input", "tags", "created_at", "updated_at"];

    public static Command Create()
    {
        var options = new ClientOptions();
        var group = new Command("workflow", "Manage workflow definitions on a server (--url or SIROCCO_URL).");
        options.AddTo(group);

        var file = new Argument<FileInfo>("FILE") { Description = "YAML file with one or more workflows." };
        var update = new Option<bool>("--update") { Description = "Replace existing workflows of the same names (PUT) instead of creating them." };
        var create = new Command("create", "Create (or with --update, update) workflows from a YAML file.") { file, update };
        options.SetAction(create, async (parse, client, output, cancel) =>
        {
            var yaml = await File.ReadAllTextAsync(parse.GetValue(file)!.FullName, cancel).ConfigureAwait(false);
            var answer = await client.SendTextAsync(parse.GetValue(update) ? HttpMethod.Put : HttpMethod.Post, "v2/workflows", yaml, cancel).ConfigureAwait(false);
            Print(output, answer["workflows"]!.AsArray());
            return 0;
        });

        var list = new Command("list", "List workflows.");
        options.SetAction(list, async (_, client, output, cancel) =>
        {
            Print(output, (await client.GetAsync("v2/workflows", cancel).ConfigureAwait(false))["workflows"]!.AsArray());
            return 0;
        });

        var name = new Argument<string>("WORKFLOW") { Description = "Workflow name or id." };
        var get = new Command("get", "Show a workflow and its definition.") { name };
        options.SetAction(get, async (parse, client, output, cancel) =>
        {
            var workflow = await client.GetAsync($"v2/workflows/{Uri.EscapeDataString(parse.GetValue(name)!)}", cancel).ConfigureAwait(false);
            if (output.IsJson)
            {
                output.Json(workflow);
                return 0;
            }

            output.Record(workflow, ListFields);
            output.Line(Output.Text(workflow["definition"]));
            return 0;
        });

        var deleteName = new Argument<string>("WORKFLOW") { Description = "Workflow name or id." };
        var delete = new Command("delete", "Delete a workflow.") { deleteName };
        options.SetAction(delete, async (parse, client, output, cancel) =>
        {
            await client.DeleteAsync($"v2/workflows/{Uri.EscapeDataString(parse.GetValue(deleteName)!)}", cancel).ConfigureAwait(false);
            output.Line($"Deleted workflow {parse.GetValue(deleteName)}.");
            return 0;
        });

        group.Subcommands.Add(create);
        group.Subcommands.Add(list);
        group.Subcommands.Add(get);
        group.Subcommands.Add(delete);
        return group;
    }

    private static void Print(Output output, JsonArray workflows)
    {
        if (output.IsJson)
        {
            output.Json(workflows);
        }
        else
        {
            output.Table(workflows, ListFields);
        }
    }
}
