using System.Net.Sockets;
using RabbitMQ.Client.Exceptions;

namespace Sirocco.Transport.RabbitMq;

/// <summary>Which failures mean "the broker or the network went away, try again" rather than a bug.</summary>
internal static class Transient
{
    public static bool Is(Exception exception) => exception switch
    {
        // 406 PRECONDITION_FAILED: a queue exists with other arguments — retrying cannot help.
        OperationInterruptedException { ShutdownReason.ReplyCode: 406 } => false,
        BrokerUnreachableException or AlreadyClosedException or OperationInterruptedException
            or ConnectFailureException or PublishException => true,
        IOException or SocketException or TimeoutException => true,
        ObjectDisposedException => true,
        _ => false,
    };
}
