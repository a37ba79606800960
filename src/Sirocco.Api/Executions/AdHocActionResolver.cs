using Sirocco.Api.Http;
using Sirocco.Expressions;
using Sirocco.Expressions.Values;
using Sirocco.Language;
using Sirocco.Language.Model;
using Sirocco.Persistence;
using Sirocco.Persistence.Definitions;

namespace Sirocco.Api.Executions;

/// <summary>
/// Turns a direct run of an ad-hoc action into a run of its base action: checks the input against the
/// declared inputs (defaults applied), evaluates <c>base-input</c> over it, and later applies <c>output</c>.
/// </summary>
internal sealed class AdHocActionResolver(ISiroccoStore store, IExpressionEvaluator expressions)
{
    /// <summary>The spec of ad-hoc action <paramref name="name"/>, or null when there is none.</summary>
    public async Task<ActionSpec?> FindAsync(string name, string @namespace, CancellationToken cancellationToken)
    {
        var record = await store.Definitions.GetAsync(DefinitionKind.Action, name, @namespace, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var text = record.Definition;
        var shortName = name;
        if (record.WorkbookName is { } workbookName
            && await store.Definitions.GetAsync(DefinitionKind.Workbook, workbookName, record.Namespace, cancellationToken) is { } workbook)
        {
            text = workbook.Definition;
            shortName = name[(workbookName.Length + 1)..];
        }
        else if (!text.Contains("version:", StringComparison.Ordinal))
        {
            text = "---\nversion: '2.0'\n\n" + text;
        }

        var parsed = WorkflowParser.Parse(text);
        return parsed.Document?.FindAction(shortName)
            ?? throw ApiException.BadRequest($"Stored definition of action {name} no longer parses: {string.Join("; ", parsed.Diagnostics)}");
    }

    /// <summary>The base action's input for <paramref name="input"/>.</summary>
    public DictValue BaseInput(ActionSpec action, DictValue input)
    {
        var data = input;
        var missing = new List<string>();
        foreach (var parameter in action.Input)
        {
            if (input.Get(parameter.Name) is null)
            {
                if (parameter.Default is { } fallback)
                {
                    data = data.With(parameter.Name, fallback);
                }
                else
                {
                    missing.Add(parameter.Name);
                }
            }
        }

        var unexpected = input.Keys.Select(JsonValues.KeyText).Where(k => action.Input.All(p => p.Name != k)).ToList();
        if (missing.Count > 0 || unexpected.Count > 0)
        {
            var text = $"Invalid input [name={action.Name}, class=AdHocAction";
            text += missing.Count > 0 ? $", missing=[{string.Join(", ", missing.Select(m => $"'{m}'"))}]" : string.Empty;
            text += unexpected.Count > 0 ? $", unexpected=[{string.Join(", ", unexpected.Select(u => $"'{u}'"))}]" : string.Empty;
            throw ApiException.BadRequest(text + "]");
        }

        var evaluated = expressions.EvaluateDeep(action.BaseInput, new ExpressionContext(data));
        return evaluated.IsSuccess
            ? evaluated.Value as DictValue ?? DictValue.Empty
            : throw ApiException.BadRequest($"Can not evaluate base-input of {action.Name}: {evaluated.Error!.Message}");
    }

    /// <summary>The ad-hoc action's <c>output</c> applied to the base action's result.</summary>
    public Value Output(ActionSpec action, Value result)
    {
        if (action.Output is null)
        {
            return result;
        }

        var evaluated = expressions.EvaluateDeep(action.Output, new ExpressionContext(result));
        return evaluated.IsSuccess
            ? evaluated.Value!
            : throw ApiException.BadRequest($"Can not evaluate output of {action.Name}: {evaluated.Error!.Message}");
    }
}
