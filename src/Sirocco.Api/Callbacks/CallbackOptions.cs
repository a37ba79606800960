using Microsoft.Extensions.Configuration;

namespace Sirocco.Api.Callbacks;

/// <summary>Settings of delegate callback URLs (<c>--Callbacks:PublicBaseUrl</c>, <c>--Callbacks:TokenLifetime</c>, <c>--Callbacks:SigningKey</c>).</summary>
public sealed class CallbackOptions
{
    private const int MinimumKeyBytes = 32;

    /// <summary>
    /// The address third parties reach this server on, e.g. <c>https://sirocco.example.org</c>; callback URLs
    /// are built on it. Default: the first address the server listens on.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>How long a callback token stays valid after its action is dispatched; null (the default) never expires.</summary>
    public TimeSpan? TokenLifetime { get; set; }

    /// <summary>
    /// How long the tokens of an ended action still answer a repeat of its completion (idempotency for retrying
    /// third parties) before they stop working (<c>--Callbacks:RevokedTokenGrace</c>). Default 10 minutes.
    /// </summary>
    public TimeSpan RevokedTokenGrace { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The key callback tokens are signed with (<c>--Callbacks:SigningKey</c>, base64, at least 32 bytes); every API
    /// node on one database needs the same. Default null: a random key created once and kept in the database.
    /// </summary>
    public ReadOnlyMemory<byte>? SigningKey { get; set; }

    /// <summary>Reads the options from configuration.</summary>
    public static CallbackOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new CallbackOptions();
        if (configuration["Callbacks:PublicBaseUrl"] is { Length: > 0 } url)
        {
            options.PublicBaseUrl = Uri.TryCreate(url, UriKind.Absolute, out var uri)
                ? uri
                : throw new InvalidOperationException($"Callbacks:PublicBaseUrl is not an absolute URL: {url}");
        }

        if (configuration["Callbacks:TokenLifetime"] is { Length: > 0 } lifetime)
        {
            options.TokenLifetime = TimeSpan.TryParse(lifetime, System.Globalization.CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero
                ? span
                : throw new InvalidOperationException($"Callbacks:TokenLifetime is not a positive time span (hh:mm:ss or d.hh:mm:ss): {lifetime}");
        }

        if (configuration["Callbacks:RevokedTokenGrace"] is { Length: > 0 } grace)
        {
            options.RevokedTokenGrace = TimeSpan.TryParse(grace, System.Globalization.CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero
                ? span
                : throw new InvalidOperationException($"Callbacks:RevokedTokenGrace is not a time span (hh:mm:ss): {grace}");
        }

        if (configuration["Callbacks:SigningKey"] is { Length: > 0 } key)
        {
            options.SigningKey = SigningKeyFrom(key);
        }

        return options;
    }

    private static byte[] SigningKeyFrom(string base64)
    {
        var bytes = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, bytes, out var length) || length < MinimumKeyBytes)
        {
            // The value itself is a secret: never echo it.
            throw new InvalidOperationException($"Callbacks:SigningKey must be base64 of at least {MinimumKeyBytes} bytes.");
        }

        return bytes[..length];
    }
}
