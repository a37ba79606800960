using System.Text.Json;

namespace Sirocco.Cli;

/// <summary>An engine's answer to an <see cref="EngineRequest"/>: the event's outcome, or why it could not be applied.</summary>
internal sealed class EngineReply
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string? Outcome { get; set; }

    public string? Error { get; set; }

    public byte[] Encode() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    public static EngineReply Decode(byte[] body) => JsonSerializer.Deserialize<EngineReply>(body, Json) ?? new EngineReply { Error = "empty reply" };
}
