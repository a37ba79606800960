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

    public string Url => _app.Urls.First() + "/work";

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
        await app.StartAsync();
        return peer;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
