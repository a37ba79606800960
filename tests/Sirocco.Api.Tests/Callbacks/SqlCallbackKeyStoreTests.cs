using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Sirocco.Api.Callbacks;

namespace Sirocco.Api.Tests.Callbacks;

/// <summary>The callback signing key: created once in the server's database, shared by every store on it, overridable by configuration.</summary>
public sealed class SqlCallbackKeyStoreTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sirocco-keys-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    public SqlCallbackKeyStoreTests() => Directory.CreateDirectory(_directory);

    private string Db => Path.Combine(_directory, "sirocco.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled handle may linger; the temp folder is harmless.
        }
    }

    [Fact]
    public async Task Stores_on_one_database_starting_together_agree_on_one_key()
    {
        var stores = Enumerable.Range(0, 4).Select(_ => NewStore()).ToList();

        var keys = await Task.WhenAll(stores.Select(s => s.GetAsync(CancellationToken.None).AsTask()));

        Assert.Equal(32, keys[0].Length);
        Assert.All(keys, k => Assert.Equal(keys[0], k));
        Assert.Equal(1L, await ScalarAsync("SELECT COUNT(*) FROM sirocco_callback_keys"));
    }

    [Fact]
    public async Task The_key_survives_a_new_store_on_the_same_file_and_is_read_once_per_store()
    {
        var first = await NewStore().GetAsync(CancellationToken.None);
        var store = NewStore();
        var again = await store.GetAsync(CancellationToken.None);

        // Deleting the row rotates the key only for stores that have not read it yet (a restart).
        await ScalarAsync("DELETE FROM sirocco_callback_keys");
        var cached = await store.GetAsync(CancellationToken.None);
        var rotated = await NewStore().GetAsync(CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Equal(first, cached);
        Assert.NotEqual(first, rotated);
    }

    [Fact]
    public async Task A_configured_key_signs_without_touching_the_database()
    {
        var key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        var options = CallbackOptions.From(new ConfigurationBuilder()
            .AddInMemoryCollection([new("Callbacks:SigningKey", Convert.ToBase64String(key))]).Build());
        var signer = new CallbackSigner(options, NewStore(), _clock);

        var token = await signer.IssueAsync("a1", CancellationToken.None);

        Assert.True(CallbackToken.IsValid(key, "a1", token, _clock.GetUtcNow()));
        Assert.True(await signer.IsValidAsync("a1", token, CancellationToken.None));
        Assert.False(File.Exists(Db));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA==")]
    public void A_configured_key_that_is_not_base64_of_32_bytes_is_refused(string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Callbacks:SigningKey", value)]).Build();

        var error = Assert.Throws<InvalidOperationException>(() => CallbackOptions.From(configuration));

        Assert.DoesNotContain(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_expires_after_the_configured_lifetime_on_the_injected_clock()
    {
        var options = new CallbackOptions { TokenLifetime = TimeSpan.FromHours(1) };
        var signer = new CallbackSigner(options, NewStore(), _clock);
        var token = await signer.IssueAsync("a1", CancellationToken.None);

        _clock.Advance(TimeSpan.FromMinutes(59));
        var before = await signer.IsValidAsync("a1", token, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(1));
        var after = await signer.IsValidAsync("a1", token, CancellationToken.None);

        Assert.True(before);
        Assert.False(after);
    }

    private SqlCallbackKeyStore NewStore() =>
        new(() => new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Db, Pooling = false, DefaultTimeout = 30 }.ToString()), _clock);

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
