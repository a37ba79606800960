using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sirocco.Actions.Tests.Support;

/// <summary>A Kestrel server on a free loopback port with the endpoints the std.http tests call.</summary>
public sealed class HttpPeer : IAsyncLifetime
{
    private WebApplication? _app;

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Request headers received by <c>POST /capture/{key}</c>, by key.</summary>
    public ConcurrentDictionary<string, Dictionary<string, string>> Captured { get; } = new(StringComparer.Ordinal);

    public Uri Url(string path) => new(BaseUri, path);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapGet("/json", (HttpContext context) =>
        {
            context.Response.Headers["X-Test"] = "yes";
            context.Response.Headers.Append("Set-Cookie", "session=abc; Path=/");
            return Results.Json(new { name = "sirocco", n = 1 });
        });
        _app.MapGet("/text-utf8", () => Results.Text("héllo", "text/plain; charset=utf-8"));
        _app.MapGet("/text-bare", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/plain";
            await context.Response.Body.WriteAsync(System.Text.Encoding.Latin1.GetBytes("caf\u00e9"));
        });
        _app.Map("/echo", EchoAsync);
        _app.MapPost("/capture/{key}", (string key, HttpContext context) =>
        {
            Captured[key] = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            return Results.Accepted();
        });
        _app.MapGet("/status/{code:int}", (int code) => Results.Json(new { error = "nope" }, statusCode: code));
        _app.MapGet("/redirect", () => Results.Redirect("/json"));
        _app.MapPost("/post-redirect", () => Results.Redirect("/echo"));
        _app.MapGet("/slow", async (HttpContext context) => await Task.Delay(Timeout.Infinite, context.RequestAborted));
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUri = new Uri(address);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private static async Task EchoAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var echo = new Dictionary<string, object?>
        {
            ["method"] = context.Request.Method,
            ["query"] = context.Request.QueryString.Value,
            ["content_type"] = context.Request.ContentType,
            ["body"] = body,
            ["headers"] = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(echo));
    }
}
