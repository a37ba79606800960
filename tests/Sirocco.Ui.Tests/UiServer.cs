using Microsoft.AspNetCore.Builder;
using Sirocco.Api;

namespace Sirocco.Ui.Tests;

/// <summary>
/// A real Sirocco server (durable runtime, SQLite in a fresh folder, real clock) on 127.0.0.1 with a free port,
/// serving the UI exactly as <c>sirocco server</c> does.
/// </summary>
public sealed class UiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;

    private UiServer(WebApplication app, string directory)
    {
        _app = app;
        _directory = directory;
        BaseUrl = app.Urls.First();
    }

    public string BaseUrl { get; }

    public static async Task<UiServer> StartAsync(params string[] args)
    {
        var directory = Path.Combine(Path.GetTempPath(), "sirocco-ui-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var app = SiroccoServer.Build(["--db", Path.Combine(directory, "sirocco.db"), .. args], "http://127.0.0.1:0");
        await app.StartAsync();
        return new UiServer(app, directory);
    }

    public async ValueTask DisposeAsync()
    {
        // DisposeAsync stops the host; StopAsync first would dispose the durable runtime twice.
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is only litter.
        }
    }
}
