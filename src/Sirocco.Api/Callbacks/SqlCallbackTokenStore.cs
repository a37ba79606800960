using System.Data.Common;
using Sirocco.Api.Hosting;
using static Sirocco.Api.Hosting.OwnTable;
using Sirocco.Persistence.Durable;

namespace Sirocco.Api.Callbacks;

/// <summary>
/// Token hashes in a table of their own in the server's database (SQLite or PostgreSQL, same SQL), so
/// callback URLs survive a restart. Kept outside the persistence layer's migrations on purpose: it is the
/// API's own capability table and nothing else reads it. Writes go through the durable store's group-commit
/// writer when one is given: on SQLite a second writing connection would wait for the writer's lock
/// (Microsoft.Data.Sqlite retries a busy statement only every 150 ms) — one such wait per dispatched action.
/// </summary>
internal sealed class SqlCallbackTokenStore : ICallbackTokenStore
{
    private const string Create = """
        CREATE TABLE IF NOT EXISTS sirocco_callback_tokens (
            token_hash TEXT PRIMARY KEY,
            action_execution_id TEXT NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT NULL,
            last_heartbeat_at TEXT NULL);
        CREATE INDEX IF NOT EXISTS ix_sirocco_callback_tokens_action ON sirocco_callback_tokens (action_execution_id);
        """;

    private readonly IDurableStore? _writer;
    private readonly OwnTable _table;

    /// <param name="connect">Connections to the server's database (reads, and the table's creation).</param>
    /// <param name="writer">The durable store on the same database, whose group commit takes the writes; null writes on own connections.</param>
    public SqlCallbackTokenStore(Func<DbConnection> connect, IDurableStore? writer = null)
    {
        _writer = writer;
        _table = new OwnTable(connect, Create);
    }

    public Task AddAsync(StoredCallbackToken token, CancellationToken cancellationToken) =>
        WriteAsync(
            "INSERT INTO sirocco_callback_tokens (token_hash, action_execution_id, created_at, expires_at) VALUES (@hash, @id, @created, @expires)",
            cancellationToken,
            ("@hash", token.TokenHash), ("@id", token.ActionExecutionId), ("@created", Text(token.CreatedAt)), ("@expires", token.ExpiresAt is { } e ? Text(e) : null));

    public async Task<IReadOnlyList<StoredCallbackToken>> ListAsync(string actionExecutionId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection,
            "SELECT token_hash, created_at, expires_at FROM sirocco_callback_tokens WHERE action_execution_id = @id", ("@id", actionExecutionId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tokens = new List<StoredCallbackToken>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var expires = await reader.IsDBNullAsync(2, cancellationToken) ? (DateTimeOffset?)null : Parse(reader.GetString(2));
            tokens.Add(new StoredCallbackToken(actionExecutionId, reader.GetString(0), Parse(reader.GetString(1)), expires));
        }

        return tokens;
    }

    // ISO-8601 UTC text with a fixed format sorts like the instants it names.
    public async Task RevokeAsync(string actionExecutionId, DateTimeOffset until, CancellationToken cancellationToken) =>
        await WriteAsync(
            "UPDATE sirocco_callback_tokens SET expires_at = @until WHERE action_execution_id = @id AND (expires_at IS NULL OR expires_at > @until)",
            cancellationToken,
            ("@until", Text(until)), ("@id", actionExecutionId));

    public async Task<bool> TouchAsync(string actionExecutionId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await WriteAsync(
            "UPDATE sirocco_callback_tokens SET last_heartbeat_at = @now WHERE action_execution_id = @id",
            cancellationToken,
            ("@now", Text(now)), ("@id", actionExecutionId)) > 0;

    private async Task<int> WriteAsync(string sql, CancellationToken cancellationToken, params (string Name, string? Value)[] parameters)
    {
        if (_writer is null || !_table.Ready)
        {
            // The first call also creates the table; later ones share the writer's commit.
            await using var connection = await OpenAsync(cancellationToken);
            if (_writer is null)
            {
                await using var command = Command(connection, sql, parameters);
                return await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        var values = parameters.Select(p => new KeyValuePair<string, object?>(p.Name, p.Value)).ToList();
        return await _writer.ExecuteAsync((tx, ct) => tx.ExecuteSqlAsync(sql, values, ct), cancellationToken);
    }

    private Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => _table.OpenAsync(cancellationToken);
}
