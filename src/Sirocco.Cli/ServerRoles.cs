namespace Sirocco.Cli;

/// <summary>The roles one <c>sirocco server</c> process plays (<c>--roles api,engine,executor,scheduler</c>).</summary>
internal static class ServerRoles
{
    public const string Api = "api";
    public const string Engine = "engine";
    public const string Executor = "executor";
    public const string Scheduler = "scheduler";

    public static IReadOnlyList<string> All { get; } = [Api, Engine, Executor, Scheduler];

    /// <summary>Parses a comma-separated subset; null with an error for an unknown or empty list.</summary>
    public static IReadOnlySet<string>? Parse(string? text, out string? error)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            error = null;
            return All.ToHashSet(StringComparer.Ordinal);
        }

        var roles = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => r.ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
        var unknown = roles.Where(r => !All.Contains(r)).ToList();
        error = roles.Count == 0 ? "--roles names no role"
            : unknown.Count > 0 ? $"unknown role(s) {string.Join(", ", unknown)}; roles are {string.Join(",", All)}"
            : null;
        return error is null ? roles : null;
    }
}
