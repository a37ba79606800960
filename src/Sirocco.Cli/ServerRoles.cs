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

    /// <summary>
    /// Why this combination cannot run with the given broker and database, or null when it can. All roles
    /// without a broker is the embedded server; <c>executor</c> alone needs only the broker.
    /// </summary>
    public static string? Check(IReadOnlySet<string> roles, bool hasBroker, string? database)
    {
        if (roles.Count == All.Count && !hasBroker)
        {
            return null;
        }

        if (!hasBroker)
        {
            return $"--roles {Describe(roles)} needs --rabbitmq amqp://user:password@host:5672/ (only all roles together run without a broker)";
        }

        var needsDatabase = roles.Contains(Api) || roles.Contains(Engine) || roles.Contains(Scheduler);
        if (needsDatabase && !IsPostgres(database))
        {
            return $"--roles {Describe(roles)} needs --db with a PostgreSQL connection string (Host=…;Database=…, or postgres://…) shared by every node";
        }

        return null;
    }

    public static string Describe(IReadOnlySet<string> roles) => string.Join(",", All.Where(roles.Contains));

    private static bool IsPostgres(string? setting) =>
        setting is not null
        && (setting.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || setting.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || setting.Contains("Host=", StringComparison.OrdinalIgnoreCase));
}
