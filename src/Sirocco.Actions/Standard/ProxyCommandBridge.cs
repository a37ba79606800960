using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Sirocco.Actions.Standard;

/// <summary>
/// std.ssh_proxied's <c>proxy_command</c> (paramiko's <c>ProxyCommand</c>): a local command whose standard input
/// and output carry the SSH connection to the gateway. SSH.NET connects only to sockets, so the command's pipes
/// are joined to a one-shot listener on a loopback port that the gateway connection then uses.
/// </summary>
internal sealed class ProxyCommandBridge : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Process _process;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;

    private ProxyCommandBridge(string command)
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start(1);
        var info = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(command);
        _process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start the proxy command: {command}");
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _pump = PumpAsync(_stop.Token);
    }

    /// <summary>The loopback port to connect to instead of the gateway.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public static ProxyCommandBridge Start(string command) => new(command);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        try
        {
            await _pump.ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // The connection ends by being torn down; how it ends does not matter.
        }

        _process.Dispose();
        _listener.Dispose();
        _stop.Dispose();
    }

    private async Task PumpAsync(CancellationToken stop)
    {
        using var socket = await _listener.AcceptSocketAsync(stop).ConfigureAwait(false);
        await using var network = new NetworkStream(socket, ownsSocket: false);
        var up = CopyAsync(network, _process.StandardInput.BaseStream, stop);
        var down = CopyAsync(_process.StandardOutput.BaseStream, network, stop);
        await Task.WhenAny(up, down).ConfigureAwait(false);
        socket.Shutdown(SocketShutdown.Both);
    }

    private static async Task CopyAsync(Stream from, Stream to, CancellationToken stop)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer, stop).ConfigureAwait(false)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, read), stop).ConfigureAwait(false);
            await to.FlushAsync(stop).ConfigureAwait(false);
        }
    }
}
