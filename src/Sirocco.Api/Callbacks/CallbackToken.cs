using System.Security.Cryptography;
using System.Text;

namespace Sirocco.Api.Callbacks;

/// <summary>
/// The capability in a callback URL: 256 random bits, URL-safe base64. Only its SHA-256 hash is stored, so a
/// leaked database does not leak working URLs; presented tokens are compared hash to hash in constant time.
/// </summary>
internal static class CallbackToken
{
    private const int Bytes = 32;

    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(Bytes));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool Matches(string storedHash, string presentedToken)
    {
        var presented = Encoding.ASCII.GetBytes(Hash(presentedToken));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(storedHash), presented);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
