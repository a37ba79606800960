using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Sirocco.Transport.Tests.Support;

/// <summary>
/// The outside world of the topology test, on loopback: <c>/hit/{key}</c> counts calls (a side effect that
/// must not happen twice), <c>/delegate/{key}</c> accepts a delegate's request and then completes its action
/// through the API (<c>PUT /v2/action_executions/{id}</c>), retrying while the API cannot take it, as a
/// well-behaved third party would.
/// </summary>
internal sealed class ThirdParty : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _delegated = new(StringComparer.Ordinal);
    private readonly HttpClient _api = new() { Timeout = TimeSpan.FromSeconds(60) };
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _completionRetries;

    public ThirdParty()
    {
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>Where delegates are completed; set once the API process listens.</summary>
    public Uri? Api { get; set; }

    public IReadOnlyDictionary<string, int> Hits => _hits;

    public IReadOnlyDictionary<string, int> Delegated => _delegated;

    public int CompletionRetries => Volatile.Read(ref _completionRetries);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
            // Stopped.
        }

        _listener.Close();
        _api.Dispose();
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            var context = await _listener.GetContextAsync();
            var parts = context.Request.Url!.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            var key = parts.Length > 1 ? parts[1] : "";
            if (parts.FirstOrDefault() == "delegate")
            {
                _delegated.AddOrUpdate(key, 1, (_, n) => n + 1);
                var actionId = context.Request.Headers["Mistral-Action-Execution-Id"];
                _ = Task.Run(() => CompleteAsync(actionId!));
            }
            else
            {
                _hits.AddOrUpdate(key, 1, (_, n) => n + 1);
            }

            context.Response.StatusCode = 200;
            var body = Encoding.UTF8.GetBytes("{\"ok\": true}");
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    private async Task CompleteAsync(string actionExecutionId)
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                using var content = new StringContent("{\"state\": \"SUCCESS\", \"output\": \"{\\\"answer\\\": 42}\"}", Encoding.UTF8, "application/json");
                using var response = await _api.PutAsync(new Uri(Api!, "/v2/action_executions/" + actionExecutionId), content, _stop.Token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !_stop.IsCancellationRequested)
            {
                // The API or the broker is restarting: try again.
            }

            Interlocked.Increment(ref _completionRetries);
            await Task.Delay(200, _stop.Token);
        }
    }
}
