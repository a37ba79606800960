using System.Data.Common;
using System.Security.Cryptography;
using Sirocco.Api.Hosting;
using static Sirocco.Api.Hosting.OwnTable;

namespace Sirocco.Api.Callbacks;

/// <summary>
/// The key callback tokens are signed with: 32 random bytes, created once and kept in a table of its own in the
/// server's database (SQLite or PostgreSQL, same SQL), so URLs survive a restart and every API node on one
/// database signs alike. Read once per process. Creation is insert-if-absent followed by a read, so nodes
/// starting together keep whichever key was inserted first. Deleting the row rotates the key at the next
/// start of each node, which invalidates every outstanding callback URL.
/// </summary>
internal sealed class SqlCallbackKeyStore
{
    private const string Create = """
        CREATE TABLE IF NOT EXISTS sirocco_callback_keys (
            name TEXT PRIMARY KEY,
            signing_key TEXT NOT NULL,
            created_at TEXT NOT NULL);
        """;

    private const string KeyName = "callback-signing";
    private const int KeyBytes = 32;

    private readonly OwnTable _table;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _loading = new(1, 1);
    private byte[]? _key;

    public SqlCallbackKeyStore(Func<DbConnection> connect, TimeProvider clock)
    {
        _table = new OwnTable(connect, Create);
        _clock = clock;
    }

    /// <summary>The signing key, from the database on the first call (created there when absent), cached after.</summary>
    public async ValueTask<byte[]> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _key) is { } cached)
        {
            return cached;
        }

        // The first call may come from the thread that commits the engine's decisions (ITaskQueue.EnqueueAsync);
        // loading reads, and may write, the database: not on that thread.
        await Task.Yield();
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_key is null)
            {
                Volatile.Write(ref _key, await LoadAsync(cancellationToken));
            }

            return _key!;
        }
        finally
        {
            _loading.Release();
        }
    }

    private async Task<byte[]> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _table.OpenAsync(cancellationToken);

        // Read first: an INSERT that changes nothing would still take SQLite's write lock.
        if (await ReadAsync(connection, cancellationToken) is { } existing)
        {
            return existing;
        }

        await using (var insert = Command(connection,
            "INSERT INTO sirocco_callback_keys (name, signing_key, created_at) VALUES (@name, @key, @created) ON CONFLICT (name) DO NOTHING",
            ("@name", KeyName), ("@key", Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes))), ("@created", Text(_clock.GetUtcNow()))))
        {
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        return await ReadAsync(connection, cancellationToken)
            ?? throw new InvalidOperationException("The callback signing key could not be stored in sirocco_callback_keys.");
    }

    private static async Task<byte[]?> ReadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var select = Command(connection, "SELECT signing_key FROM sirocco_callback_keys WHERE name = @name", ("@name", KeyName));
        return await select.ExecuteScalarAsync(cancellationToken) is string text ? Convert.FromBase64String(text) : null;
    }
}
