using System.Text.Json.Nodes;

namespace Sirocco.Persistence.Sql;

/// <summary>
/// Assembles a task's <c>result</c> from its action executions on read, so the task row never
/// stores a copy: a with-items task's result is the list of item results in item order, any other
/// task's result is its last action's <c>result</c>.
/// </summary>
internal static class TaskResult
{
    public static string Assemble(string runtimeContextJson, IReadOnlyList<(long ItemIndex, string? Output)> actions)
    {
        var withItems = JsonNode.Parse(runtimeContextJson) is JsonObject context && context.ContainsKey("with_items");
        if (withItems)
        {
            var list = new JsonArray();
            foreach (var (_, output) in actions.OrderBy(a => a.ItemIndex))
            {
                list.Add(ResultOf(output));
            }

            return list.ToJsonString();
        }

        return actions.Count == 0 ? "[]" : ResultOf(actions[^1].Output)?.ToJsonString() ?? "null";
    }

    private static JsonNode? ResultOf(string? output) =>
        output is not null && JsonNode.Parse(output) is JsonObject o && o.TryGetPropertyValue("result", out var r) ? r?.DeepClone() : null;
}
