using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using Sirocco.Transport.Queues;

namespace Sirocco.Transport.RabbitMq;

/// <summary>
/// The wire format: UTF-8 JSON bodies, the AMQP <c>type</c> property saying what a body holds, and every
/// message persistent so that it survives a broker restart.
/// </summary>
internal static class MessageCodec
{
    public const string RunActionType = "sirocco.run-action";
    public const string ResultType = "sirocco.action-result";
    public const string HeartbeatType = "sirocco.heartbeat";
    public const string EngineRequestType = "sirocco.engine-request";
    public const string EngineReplyType = "sirocco.engine-reply";
    public const string ReasonHeader = "x-sirocco-reason";
    public const string SourceQueueHeader = "x-sirocco-queue";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static byte[] Encode<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Json);

    /// <summary>Decodes a body; null (never an exception) when it is not what its type says.</summary>
    public static T? TryDecode<T>(byte[] body, out string? error)
        where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize<T>(body, Json);
            error = value is null ? "the body is JSON null" : null;
            return value;
        }
        catch (JsonException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    public static BasicProperties Properties(string type, string? messageId) => new()
    {
        Persistent = true,
        ContentType = "application/json",
        ContentEncoding = "utf-8",
        Type = type,
        MessageId = messageId,
    };

    /// <summary>Properties of a message parked by Sirocco itself, with why and where from.</summary>
    public static BasicProperties Parked(string? type, string reason, string sourceQueue)
    {
        var properties = Properties(type ?? "unknown", messageId: null);
        properties.Headers = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [ReasonHeader] = Encoding.UTF8.GetBytes(reason),
            [SourceQueueHeader] = Encoding.UTF8.GetBytes(sourceQueue),
        };
        return properties;
    }

    /// <summary>The request, checked beyond JSON shape: the fields a runner cannot do without.</summary>
    public static RunActionRequest? TryDecodeRequest(RawDelivery delivery, out string? error)
    {
        if (delivery.Type is not null && delivery.Type != RunActionType)
        {
            error = $"unexpected message type '{delivery.Type}'";
            return null;
        }

        var request = TryDecode<RunActionRequest>(delivery.Body, out error);
        if (request is not null && (string.IsNullOrEmpty(request.ActionExecutionId) || string.IsNullOrEmpty(request.ActionName)))
        {
            error = "the request has no action execution id or action name";
            return null;
        }

        return request;
    }
}
