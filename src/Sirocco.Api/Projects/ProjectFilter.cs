using Sirocco.Persistence.Querying;

namespace Sirocco.Api.Projects;

/// <summary>Helpers shared by the project-scoped stores.</summary>
internal static class ProjectFilter
{
    public const string PublicScope = "public";

    /// <summary>The query restricted to the caller's project, or unchanged outside a project.</summary>
    public static ListQuery Own(ListQuery query) =>
        ProjectScope.Current is { } project ? query with { Filters = [.. query.Filters, FieldFilter.Equal("project_id", project)] } : query;

    /// <summary>True when a row of <paramref name="projectId"/> belongs to the caller (always, outside a project).</summary>
    public static bool IsOwn(string projectId) => ProjectScope.Current is not { } project || project == projectId;

    /// <summary>
    /// <see cref="IsOwn"/> for the caller's project as it is now, to be asked later where the caller's scope does not
    /// flow (inside a unit of the database writer).
    /// </summary>
    public static Func<string, bool> OwnerCheck()
    {
        var project = ProjectScope.Current;
        return projectId => project is null || project == projectId;
    }

    /// <summary>
    /// Pages through <paramref name="list"/> keeping only <paramref name="visible"/> rows until the page is full, so a
    /// filter that SQL cannot express (own project OR public) still honours limit and marker.
    /// </summary>
    public static async Task<IReadOnlyList<T>> PageAsync<T>(ListQuery query, Func<ListQuery, Task<IReadOnlyList<T>>> list, Func<T, bool> visible, Func<T, string> id)
    {
        if (query.Limit is not { } limit)
        {
            return [.. (await list(query)).Where(visible)];
        }

        var kept = new List<T>();
        var page = query;
        while (true)
        {
            var rows = await list(page);
            kept.AddRange(rows.Where(visible).Take(limit - kept.Count));
            if (kept.Count >= limit || rows.Count < limit)
            {
                return kept;
            }

            page = page with { Marker = id(rows[^1]) };
        }
    }
}
