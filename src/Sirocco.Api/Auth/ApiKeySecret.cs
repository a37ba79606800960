using System.Security.Cryptography;
using System.Text;

namespace Sirocco.Api.Auth;

/// <summary>
/// The text of an API key: <c>sk_{id}_{secret}</c>. The id (64 random bits, hex) is public and finds the stored row;
/// the secret (256 random bits, URL-safe base64) is shown once and only its SHA-256 hash is stored, so a leaked
/// database holds no working key. Presented secrets are compared hash to hash in constant time.
/// </summary>
internal static class ApiKeySecret
{
    private const string Prefix = "sk_";

    public static (string Id, string Key) New()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (id, $"{Prefix}{id}_{secret}");
    }

    /// <summary>Splits a presented key into id and secret; false when it does not have the shape of a stored key.</summary>
    public static bool TryParse(string presented, out string id, out string secret)
    {
        id = secret = string.Empty;
        if (!presented.StartsWith(Prefix, StringComparison.Ordinal) || presented.Length < Prefix.Length + 18 || presented[Prefix.Length + 16] != '_')
        {
            return false;
        }

        id = presented.Substring(Prefix.Length, 16);
        secret = presented[(Prefix.Length + 17)..];
        return secret.Length > 0;
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool Matches(string storedHash, string presentedKey) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(storedHash), Encoding.ASCII.GetBytes(Hash(presentedKey)));
}
