using Microsoft.Extensions.Configuration;
using Sirocco.Persistence;
using Sirocco.Persistence.Postgres;
using Sirocco.Persistence.Sqlite;

namespace Sirocco.Api.Hosting;

/// <summary>
/// Opens the database the configuration names: <c>--db</c> (a SQLite file, or a PostgreSQL connection
/// string) or <c>ConnectionStrings:Sirocco</c>; default <c>sirocco.db</c> in the working directory.
/// </summary>
internal static class StoreFactory
{
    public static ISiroccoStore Open(IConfiguration configuration, TimeProvider clock)
    {
        var setting = configuration["db"] ?? configuration.GetConnectionString("Sirocco") ?? "sirocco.db";
        return IsPostgres(setting)
            ? PostgresStore.OpenAsync(new PostgresStoreOptions { ConnectionString = setting, Store = new StoreOptions { Clock = clock } }, CancellationToken.None).GetAwaiter().GetResult()
            : SqliteStore.OpenAsync(new SqliteStoreOptions { Path = SqlitePath(setting), Store = new StoreOptions { Clock = clock } }, CancellationToken.None).GetAwaiter().GetResult();
    }

    private static bool IsPostgres(string setting) =>
        setting.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || setting.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || setting.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    private static string SqlitePath(string setting)
    {
        const string prefix = "Data Source=";
        return setting.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? setting[prefix.Length..].TrimEnd(';') : setting;
    }
}
