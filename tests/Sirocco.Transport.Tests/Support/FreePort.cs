using System.Net;
using System.Net.Sockets;

namespace Sirocco.Transport.Tests.Support;

/// <summary>Picks a free TCP port on loopback for a peer that cannot bind port 0 itself.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Polls until something accepts connections on the port, or the deadline passes.</summary>
    public static async Task WaitUntilListeningAsync(int port, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < until)
            {
                await Task.Yield();
                await Task.Delay(20);
            }
        }
    }

    /// <summary>Whether something accepts connections on the loopback port now.</summary>
    public static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
