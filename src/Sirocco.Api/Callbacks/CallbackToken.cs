using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Sirocco.Api.Callbacks;

/// <summary>
/// The capability in a callback URL: <c>{expiry}.{mac}</c>, where <c>expiry</c> is the instant the token stops
/// working in Unix seconds (<c>0</c>: never) and <c>mac</c> the URL-safe base64 HMAC-SHA256, under the server's
/// signing key, of the action execution id and that expiry text. Nothing is stored per token — issuing one
/// costs no database write on the dispatch path — and a token fits exactly one action: the id is signed.
/// </summary>
internal static class CallbackToken
{
    /// <summary>Names the purpose of the MAC, so the key signs nothing that could pass for another kind of token.</summary>
    private const string Purpose = "sirocco-callback-v1";

    private const string Never = "0";

    public static string Issue(ReadOnlySpan<byte> key, string actionExecutionId, DateTimeOffset? expiresAt)
    {
        ArgumentNullException.ThrowIfNull(actionExecutionId);
        var expiry = expiresAt is { } at ? Math.Max(1, at.ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture) : Never;
        return expiry + "." + Mac(key, actionExecutionId, expiry);
    }

    /// <summary>True when <paramref name="token"/> was issued with <paramref name="key"/> for this action and has not expired at <paramref name="now"/>.</summary>
    public static bool IsValid(ReadOnlySpan<byte> key, string actionExecutionId, string token, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actionExecutionId);
        ArgumentNullException.ThrowIfNull(token);
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !long.TryParse(token.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var expiry))
        {
            return false;
        }

        // The expiry is signed as the text presented, so "0123" for "123" fails like any other change.
        var expected = Encoding.ASCII.GetBytes(Mac(key, actionExecutionId, token[..dot]));
        var presented = Encoding.UTF8.GetBytes(token[(dot + 1)..]);
        var authentic = CryptographicOperations.FixedTimeEquals(expected, presented);
        return authentic && (expiry == 0 || now.ToUnixTimeSeconds() < expiry);
    }

    private static string Mac(ReadOnlySpan<byte> key, string actionExecutionId, string expiry)
    {
        // The expiry (digits only) comes last, so no choice of id can make two different pairs sign the same text.
        var message = Encoding.UTF8.GetBytes($"{Purpose}\n{actionExecutionId}\n{expiry}");
        return Base64Url.EncodeToString(HMACSHA256.HashData(key, message));
    }
}
