using System.Globalization;

namespace Sirocco.Api.Http;

/// <summary>Mistral's timestamp text: UTC, a space, no zone, whole seconds (<c>2026-11-26 14:28:40</c>).</summary>
internal static class MistralTime
{
    private static readonly string[] InputFormats =
        ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss.FFFFFF"];

    public static string? Format(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Parses what Mistral accepts for <c>first_execution_time</c> (<c>YYYY-MM-DD HH:MM</c>, and ISO-8601), as UTC.</summary>
    public static bool TryParse(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(text.Trim(), InputFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
}
