namespace Sirocco.Api.Projects;

/// <summary>
/// The project of the API key behind the current request (Mistral's <c>project_id</c>), flowing with the
/// request's async context into the store decorator. Null when authentication is off or outside a request:
/// then nothing is filtered and new resources belong to the default project, as before projects existed.
/// </summary>
internal static class ProjectScope
{
    /// <summary>Mistral's project when there is no authentication.</summary>
    public const string DefaultProject = "<default-project>";

    private static readonly AsyncLocal<string?> Project = new();

    public static string? Current => Project.Value;

    /// <summary>The project new resources get: the caller's, or the default one.</summary>
    public static string Owner => Project.Value ?? DefaultProject;

    public static void Enter(string projectId) => Project.Value = projectId;
}
