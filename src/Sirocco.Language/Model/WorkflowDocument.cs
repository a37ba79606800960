using System.Collections.Immutable;

namespace Sirocco.Language.Model;

/// <summary>
/// One parsed YAML file: standalone workflows, a workbook, or ad-hoc actions. Immutable and safe to
/// share across threads; the engine keeps it for the lifetime of a workflow definition.
/// </summary>
public sealed record WorkflowDocument
{
    public required DocumentKind Kind { get; init; }

    /// <summary>The DSL version as written (always "2.0" once validated).</summary>
    public string Version { get; init; } = "2.0";

    /// <summary>The workbook's name; null for workflow and action files.</summary>
    public string? Name { get; init; }

    public string? Description { get; init; }

    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>The namespace the caller parsed the document into (Mistral's <c>namespace</c> API parameter; "" is the default namespace).</summary>
    public string Namespace { get; init; } = string.Empty;

    /// <summary>Workflows in the order they appear in the file.</summary>
    public ImmutableArray<WorkflowSpec> Workflows { get; init; } = [];

    /// <summary>Ad-hoc actions in the order they appear in the file.</summary>
    public ImmutableArray<ActionSpec> Actions { get; init; } = [];

    /// <summary>The complete YAML text the document was parsed from (Mistral's <c>definition</c>).</summary>
    public required string Definition { get; init; }

    /// <summary>The workflow with this (unqualified) name, or null.</summary>
    public WorkflowSpec? FindWorkflow(string name)
    {
        foreach (var workflow in Workflows)
        {
            if (workflow.Name == name)
            {
                return workflow;
            }
        }

        return null;
    }

    /// <summary>The ad-hoc action with this (unqualified) name, or null.</summary>
    public ActionSpec? FindAction(string name)
    {
        foreach (var action in Actions)
        {
            if (action.Name == name)
            {
                return action;
            }
        }

        return null;
    }
}
