namespace Sirocco.Language.Model;

/// <summary>The three kinds of YAML file the Mistral API accepts.</summary>
public enum DocumentKind
{
    /// <summary><c>version: '2.0'</c> followed by one or more workflows keyed by name (POST /v2/workflows).</summary>
    Workflows,

    /// <summary>A workbook: <c>version</c>, <c>name</c>, <c>description</c>, <c>tags</c>, <c>workflows</c>, <c>actions</c> (POST /v2/workbooks).</summary>
    Workbook,

    /// <summary><c>version: '2.0'</c> followed by one or more ad-hoc actions keyed by name (POST /v2/actions).</summary>
    Actions,
}
