using System.Text;
using RabbitMQ.Client;

namespace Sirocco.Transport.Tests.Support;

/// <summary>Talks to the test broker behind Sirocco's back: counts messages, publishes garbage.</summary>
internal static class RawAmqp
{
    public static async Task<uint> ReadyCountAsync(Uri uri, string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = uri }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var ok = await channel.QueueDeclarePassiveAsync(queue);
        return ok.MessageCount;
    }

    public static async Task PublishAsync(Uri uri, string queue, string body, string? type)
    {
        await using var connection = await new ConnectionFactory { Uri = uri }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties { Persistent = true, Type = type };
        await channel.BasicPublishAsync(string.Empty, queue, mandatory: true, properties, Encoding.UTF8.GetBytes(body));
    }
}
