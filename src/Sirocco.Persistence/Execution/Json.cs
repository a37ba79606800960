using System.Buffers;
using System.Text;
using System.Text.Json;
using Sirocco.Expressions.Values;

namespace Sirocco.Persistence.Execution;

/// <summary>Small helpers to write and read the JSON columns the engine rows map to.</summary>
internal static class Json
{
    public static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void WriteValue(this Utf8JsonWriter writer, string name, Value value)
    {
        writer.WritePropertyName(name);
        JsonValues.Write(writer, value);
    }

    public static DictValue Dict(string? json) =>
        string.IsNullOrEmpty(json) ? DictValue.Empty : ParsedJsonCache.Parse(json) as DictValue ?? DictValue.Empty;

    public static DictValue Dict(JsonElement element) => JsonValues.FromElement(element) as DictValue ?? DictValue.Empty;

    /// <summary>As <see cref="Dict(JsonElement)"/>, through <see cref="ParsedJsonCache"/> when the element is large.</summary>
    public static DictValue DictCached(JsonElement element) => Dict(element.GetRawText());

    public static string? OptionalString(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    public static string RequiredString(this JsonElement element, string name) =>
        element.GetProperty(name).GetString() ?? throw new JsonException($"'{name}' is null");

    public static int OptionalInt(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : 0;

    public static bool OptionalBool(this JsonElement element, string name) =>
        element.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.True;
}
