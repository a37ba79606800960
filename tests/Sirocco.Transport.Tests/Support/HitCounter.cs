using System.Collections.Concurrent;
using System.Net;

namespace Sirocco.Transport.Tests.Support;

/// <summary>
/// A slow third-party system on loopback that counts calls per path: the only way to see, across
/// processes, whether an action really ran twice. Each call takes <see cref="Latency"/> to answer.
/// </summary>
public sealed class HitCounter : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private readonly Task _loop;

    public HitCounter(TimeSpan latency)
    {
        Latency = latency;
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public TimeSpan Latency { get; }

    public IReadOnlyDictionary<string, int> Hits => _hits;

    public string Url(string id) => $"http://127.0.0.1:{Port}/hit/{id}";

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (HttpListenerException)
        {
            // Stopped.
        }
        catch (ObjectDisposedException)
        {
            // Stopped.
        }

        _listener.Close();
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            _ = Task.Run(async () =>
            {
                var id = context.Request.Url!.AbsolutePath.Split('/')[^1];
                _hits.AddOrUpdate(id, 1, (_, n) => n + 1);
                // The third party's own processing time, so that some calls are in flight when a node dies.
                await Task.Delay(Latency);
                context.Response.StatusCode = 200;
                await context.Response.OutputStream.WriteAsync("\"ok\""u8.ToArray());
                context.Response.Close();
            });
        }
    }
}
