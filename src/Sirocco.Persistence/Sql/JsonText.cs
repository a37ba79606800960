using System.Text.Json;

namespace Sirocco.Persistence.Sql;

/// <summary>Tags and similar small lists are kept as JSON arrays in a text column.</summary>
internal static class JsonText
{
    public static string FromList(IReadOnlyList<string> items) => JsonSerializer.Serialize(items);

    public static IReadOnlyList<string> ToList(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<string[]>(json) ?? [];
}
