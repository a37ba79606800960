using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Sirocco.Api.Callbacks;

/// <summary>Connections to the server's database for the API's own tables (callback signing key, API keys), from the same setting as the store (<c>--db</c>).</summary>
internal static class CallbackDatabase
{
    public static Func<DbConnection> Connector(IConfiguration configuration)
    {
        var setting = configuration["db"] ?? configuration.GetConnectionString("Sirocco") ?? "sirocco.db";
        if (setting.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            return () => new NpgsqlConnection(setting);
        }

        const string prefix = "Data Source=";
        var path = setting.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? setting[prefix.Length..].TrimEnd(';') : setting;
        var connection = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        return () => new SqliteConnection(connection);
    }
}
