namespace Sirocco.Persistence.Definitions;

/// <summary>The three kinds of user-uploaded text Mistral keeps, each in its own table.</summary>
public enum DefinitionKind
{
    /// <summary>A workbook (Mistral <c>Workbook</c>, table <c>workbooks</c>).</summary>
    Workbook,

    /// <summary>A workflow (Mistral <c>WorkflowDefinition</c>, table <c>workflow_definitions</c>).</summary>
    Workflow,

    /// <summary>An ad-hoc action (Mistral <c>ActionDefinition</c>, table <c>action_definitions</c>).</summary>
    Action,
}
