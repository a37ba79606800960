using Sirocco.Api.Http;
using Sirocco.Language;
using Sirocco.Language.Model;
using Sirocco.Persistence;
using Sirocco.Persistence.Definitions;

namespace Sirocco.Api.Ui;

/// <summary>
/// <c>GET /ui/api/workflows/{id}/graph</c>: the tasks of a stored workflow and the transitions between them, read
/// with the real language parser so the UI draws exactly what the engine will follow. Direct workflows give
/// one edge per <c>on-success</c>/<c>on-error</c>/<c>on-complete</c> target (engine commands such as
/// <c>fail</c> become edges to a pseudo-node); reverse workflows give one edge per <c>requires</c>.
/// </summary>
internal static class WorkflowGraph
{
    public static async Task<IResult> GetAsync(string id, HttpRequest request, ISiroccoStore store)
    {
        var cancel = request.HttpContext.RequestAborted;
        var ns = request.Query["namespace"].ToString();
        var record = await store.Definitions.GetAsync(DefinitionKind.Workflow, id, ns, cancel)
            ?? throw ApiException.NotFound("WorkflowDefinition", id, "workflow_identifier");
        var parsed = WorkflowParser.Parse(record.Definition);
        var shortName = record.Name[(record.Name.LastIndexOf('.') + 1)..];
        var spec = parsed.Document is { } document
            ? document.FindWorkflow(record.Name) ?? document.FindWorkflow(shortName) ?? document.Workflows.FirstOrDefault()
            : null;
        if (spec is null)
        {
            throw ApiException.BadRequest($"The stored definition of workflow '{record.Name}' cannot be read: {string.Join("; ", parsed.Diagnostics)}");
        }

        return ApiResults.Json(Build(record.Name, spec));
    }

    internal static JsonObject Build(string name, WorkflowSpec spec)
    {
        var nodes = new JsonArray();
        var edges = new JsonArray();
        foreach (var task in spec.Tasks)
        {
            nodes.Add(new JsonObject
            {
                ["name"] = task.Name,
                ["kind"] = task.Kind == TaskKind.Workflow ? "workflow" : "action",
                ["target"] = task.Workflow ?? task.Action ?? "std.noop",
                ["join"] = task.Join is null ? null : task.Join.Count?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all",
                ["with_items"] = !task.WithItems.IsEmpty,
            });
            if (spec.Type == WorkflowType.Reverse)
            {
                foreach (var required in task.Requires)
                {
                    edges.Add(Edge(required, task.Name, "requires", null));
                }

                continue;
            }

            AddClause(edges, task.Name, "on-success", task.OnSuccess);
            AddClause(edges, task.Name, "on-error", task.OnError);
            AddClause(edges, task.Name, "on-complete", task.OnComplete);
        }

        return new JsonObject
        {
            ["workflow"] = name,
            ["type"] = spec.Type == WorkflowType.Reverse ? "reverse" : "direct",
            ["tasks"] = nodes,
            ["edges"] = edges,
        };
    }

    private static void AddClause(JsonArray edges, string from, string on, OnClauseSpec? clause)
    {
        foreach (var next in clause?.Next ?? [])
        {
            var target = next.Kind == TransitionKind.Task ? next.Target : "(" + next.Kind.ToString().ToLowerInvariant() + ")";
            edges.Add(Edge(from, target, on, next.Condition));
        }
    }

    private static JsonObject Edge(string from, string to, string on, string? condition) => new()
    {
        ["from"] = from,
        ["to"] = to,
        ["on"] = on,
        ["condition"] = condition,
    };
}
