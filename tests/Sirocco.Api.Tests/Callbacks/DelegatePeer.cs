using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Sirocco.Api.Tests.Callbacks;

/// <summary>A third party on loopback that std.mistral_http calls: it keeps the Mistral-* headers it was sent and answers 200.</summary>
internal sealed class DelegatePeer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource<IReadOnlyDictionary<string, string>> _called = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private DelegatePeer(WebApplication app) => _app = app;

    private readonly TaskCompletionSource _hanging = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _hangCalls;

    public string Url => _app.Urls.First() + "/work";

    /// <summary>The first call hangs until the caller gives up; later calls answer at once with their number.</summary>
    public string HangOnceUrl => _app.Urls.First() + "/hang-once";

    public Task Hanging => _hanging.Task;

    public int HangCalls => Volatile.Read(ref _hangCalls);

    public Task<IReadOnlyDictionary<string, string>> Called => _called.Task;

    public static async Task<DelegatePeer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var peer = new DelegatePeer(app);
        app.MapPost("/work", (HttpRequest request) =>
        {
            var headers = request.Headers.Where(h => h.Key.StartsWith("Mistral-", StringComparison.OrdinalIgnoreCase))
                .ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            peer._called.TrySetResult(headers);
            return Results.Ok(new { accepted = true });
        });
        app.MapGet("/hang-once", async (HttpContext context) =>
        {
            var call = Interlocked.Increment(ref peer._hangCalls);
            if (call == 1)
            {
                peer._hanging.TrySetResult();
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return Results.StatusCode(499);
            }

            return Results.Ok(new { call });
        });
        await app.StartAsync();
        return peer;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
