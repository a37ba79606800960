using Sirocco.Api.Http;
using Sirocco.Persistence.Definitions;

namespace Sirocco.Api.Executions;

/// <summary>
/// Checks start input against a workflow's declared inputs (from its stored <c>interface</c>) before
/// anything starts: required inputs missing or undeclared ones given are a 400 in Mistral's words.
/// </summary>
internal static class WorkflowInputCheck
{
    public static void Check(DefinitionRecord workflow, JsonObject input)
    {
        var declared = new Dictionary<string, bool>(StringComparer.Ordinal);
        if (JsonNode.Parse(workflow.InterfaceJson ?? "{}")?["input"] is JsonArray entries)
        {
            foreach (var entry in entries)
            {
                switch (entry)
                {
                    case JsonValue name when name.GetValueKind() == JsonValueKind.String:
                        declared[name.GetValue<string>()] = true;
                        break;
                    case JsonObject withDefault:
                        foreach (var (key, _) in withDefault)
                        {
                            declared[key] = false;
                        }

                        break;
                }
            }
        }

        var missing = declared.Where(p => p.Value && !input.ContainsKey(p.Key)).Select(p => p.Key).ToList();
        var unexpected = input.Select(p => p.Key).Where(k => !declared.ContainsKey(k)).ToList();
        if (missing.Count == 0 && unexpected.Count == 0)
        {
            return;
        }

        var text = $"Invalid input [name={workflow.Name}, class=WorkflowSpec";
        if (missing.Count > 0)
        {
            text += $", missing={PythonList(missing)}";
        }

        if (unexpected.Count > 0)
        {
            text += $", unexpected={PythonList(unexpected)}";
        }

        throw ApiException.BadRequest(text + "]");
    }

    private static string PythonList(IEnumerable<string> names) => "[" + string.Join(", ", names.Select(n => $"'{n}'")) + "]";
}
