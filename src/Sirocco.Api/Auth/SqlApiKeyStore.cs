using System.Data.Common;
using Sirocco.Api.Hosting;
using static Sirocco.Api.Hosting.OwnTable;

namespace Sirocco.Api.Auth;

/// <summary>
/// API keys in a table of their own in the server's database (SQLite or PostgreSQL, same SQL), created on first
/// use like the callback token table: the server and <c>sirocco key …</c> (which works on the database directly)
/// both create it, and nothing outside the API reads it. Only hashes are stored.
/// </summary>
public sealed class SqlApiKeyStore
{
    private const string Create = """
        CREATE TABLE IF NOT EXISTS sirocco_api_keys (
            id TEXT PRIMARY KEY,
            key_hash TEXT NOT NULL,
            scope TEXT NOT NULL,
            project_id TEXT NOT NULL,
            description TEXT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT NULL,
            revoked_at TEXT NULL);
        """;

    private const string Columns = "id, key_hash, scope, project_id, description, created_at, expires_at, revoked_at";

    private readonly OwnTable _table;

    /// <summary>A store over connections from <paramref name="connect"/>.</summary>
    public SqlApiKeyStore(Func<DbConnection> connect) => _table = new OwnTable(connect, Create);

    /// <summary>Inserts a key.</summary>
    public async Task AddAsync(StoredApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection,
            $"INSERT INTO sirocco_api_keys ({Columns}) VALUES (@id, @hash, @scope, @project, @description, @created, @expires, NULL)",
            ("@id", key.Id), ("@hash", key.KeyHash), ("@scope", key.Scope.ToString().ToLowerInvariant()), ("@project", key.ProjectId),
            ("@description", key.Description), ("@created", Text(key.CreatedAt)), ("@expires", key.ExpiresAt is { } e ? Text(e) : null));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The key with this public id, or null.</summary>
    public async Task<StoredApiKey?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var found = await QueryAsync($"SELECT {Columns} FROM sirocco_api_keys WHERE id = @id", cancellationToken, ("@id", id));
        return found.Count == 0 ? null : found[0];
    }

    /// <summary>Every key, oldest first.</summary>
    public Task<IReadOnlyList<StoredApiKey>> ListAsync(CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM sirocco_api_keys ORDER BY created_at, id", cancellationToken);

    /// <summary>Marks a key revoked; false when no unrevoked key has this id.</summary>
    public async Task<bool> RevokeAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection,
            "UPDATE sirocco_api_keys SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL", ("@now", Text(now)), ("@id", id));
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private async Task<IReadOnlyList<StoredApiKey>> QueryAsync(string sql, CancellationToken cancellationToken, params (string Name, string? Value)[] parameters)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<StoredApiKey>();
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(new StoredApiKey(
                reader.GetString(0),
                reader.GetString(1),
                Enum.Parse<ApiKeyScope>(reader.GetString(2), ignoreCase: true),
                reader.GetString(3),
                await reader.IsDBNullAsync(4, cancellationToken) ? null : reader.GetString(4),
                Parse(reader.GetString(5)),
                await reader.IsDBNullAsync(6, cancellationToken) ? null : Parse(reader.GetString(6)),
                await reader.IsDBNullAsync(7, cancellationToken) ? null : Parse(reader.GetString(7))));
        }

        return keys;
    }

    private Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => _table.OpenAsync(cancellationToken);
}
