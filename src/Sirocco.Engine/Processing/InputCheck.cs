using System.Text;
using Sirocco.Expressions.Values;
using Sirocco.Language.Model;

namespace Sirocco.Engine.Processing;

/// <summary>Workflow input against its declaration: Mistral's messages and its way of applying defaults.</summary>
internal static class InputCheck
{
    public static string? Validate(WorkflowSpec workflow, DictValue input)
    {
        var given = input.Keys.Select(JsonValues.KeyText).ToList();
        var missing = new List<string>();
        foreach (var parameter in workflow.Input)
        {
            if (!parameter.HasDefault && !given.Contains(parameter.Name))
            {
                missing.Add(parameter.Name);
            }

            given.Remove(parameter.Name);
        }

        if (missing.Count == 0 && given.Count == 0)
        {
            return null;
        }

        var message = new StringBuilder("Invalid input [name=").Append(workflow.Name)
            .Append(", class=").Append(workflow.Type == WorkflowType.Reverse ? "ReverseWorkflowSpec" : "DirectWorkflowSpec");
        if (missing.Count > 0)
        {
            message.Append(", missing=").Append(PythonList(missing));
        }

        if (given.Count > 0)
        {
            message.Append(", unexpected=").Append(PythonList(given));
        }

        return message.Append(']').ToString();
    }

    /// <summary>The input with declared defaults added after the given entries, as Mistral's <c>prepare_input</c>.</summary>
    public static DictValue WithDefaults(WorkflowSpec workflow, DictValue input)
    {
        var result = input;
        foreach (var parameter in workflow.Input)
        {
            if (parameter.Default is not null && input.Get(parameter.Name) is null)
            {
                result = result.With(parameter.Name, parameter.Default);
            }
        }

        return result;
    }

    private static string PythonList(IEnumerable<string> names) => Value.List(names.Select(Value.From)).ToRepr();
}
