using Microsoft.Extensions.Configuration;
using Sirocco.Api.Callbacks;

namespace Sirocco.Api.Auth;

/// <summary>
/// Key management for the operator (<c>sirocco key create|list|revoke</c>): works on the server's database
/// directly, found by the same setting as the server (<c>--db</c>), so it needs file or database access rather
/// than a key — the bootstrap problem of "the first admin key" does not arise.
/// </summary>
public sealed class ApiKeyAdmin(SqlApiKeyStore store, TimeProvider clock)
{
    /// <summary>An admin over the database named by <paramref name="configuration"/> (<c>db</c> or connection string <c>Sirocco</c>).</summary>
    public static ApiKeyAdmin Open(IConfiguration configuration) =>
        new(new SqlApiKeyStore(CallbackDatabase.Connector(configuration)), TimeProvider.System);

    /// <summary>Creates a key and returns its full text — the only time it is ever visible — with the stored row.</summary>
    public async Task<(string Key, StoredApiKey Stored)> CreateAsync(ApiKeyScope scope, string projectId, TimeSpan? lifetime, string? description, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectId);
        var (id, key) = ApiKeySecret.New();
        var now = clock.GetUtcNow();
        var stored = new StoredApiKey(id, ApiKeySecret.Hash(key), scope, projectId, description, now, lifetime is { } l ? now + l : null, null);
        await store.AddAsync(stored, cancellationToken);
        return (key, stored);
    }

    /// <summary>Every key (hashes included, never the keys).</summary>
    public Task<IReadOnlyList<StoredApiKey>> ListAsync(CancellationToken cancellationToken) => store.ListAsync(cancellationToken);

    /// <summary>Revokes by public id; false when there is no such valid key.</summary>
    public Task<bool> RevokeAsync(string id, CancellationToken cancellationToken) => store.RevokeAsync(id, clock.GetUtcNow(), cancellationToken);

    /// <summary>Reads <c>30d</c>, <c>12h</c>, <c>45m</c> or a .NET time span (<c>1.00:00:00</c>).</summary>
    public static TimeSpan ParseLifetime(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        if (text.Length > 1 && int.TryParse(text[..^1], System.Globalization.NumberStyles.None, culture, out var n) && n > 0)
        {
            switch (text[^1])
            {
                case 'd': return TimeSpan.FromDays(n);
                case 'h': return TimeSpan.FromHours(n);
                case 'm': return TimeSpan.FromMinutes(n);
            }
        }

        return TimeSpan.TryParse(text, culture, out var span) && span > TimeSpan.Zero
            ? span
            : throw new FormatException($"Not a lifetime (30d, 12h, 45m or d.hh:mm:ss): {text}");
    }
}
