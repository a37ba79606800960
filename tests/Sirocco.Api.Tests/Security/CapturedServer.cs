using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sirocco.Api.Tests.Security;

/// <summary>A real server with the durable runtime whose every log line (debug and up, ASP.NET Core's too) is captured.</summary>
internal sealed class CapturedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;

    private CapturedServer(WebApplication app, string directory, LogCapture logs)
    {
        _app = app;
        _directory = directory;
        Logs = logs;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public LogCapture Logs { get; }

    public HttpClient Http { get; }

    public string BaseUrl => _app.Urls.First();

    public static async Task<CapturedServer> StartAsync(params string[] args)
    {
        var directory = Path.Combine(Path.GetTempPath(), "sirocco-sec-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var logs = new LogCapture();
        string[] logging = ["--Logging:LogLevel:Default=Debug", "--Logging:LogLevel:Microsoft.AspNetCore=Information"];
        var app = SiroccoServer.Build(["--db", Path.Combine(directory, "sirocco.db"), .. logging, .. args], "http://127.0.0.1:0",
            services => services.AddSingleton<ILoggerProvider>(logs));
        await app.StartAsync();
        return new CapturedServer(app, directory, logs);
    }

    public async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, string? body = null, string mediaType = "application/json")
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.RelativeOrAbsolute));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, mediaType);
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 && response.Content.Headers.ContentType?.MediaType == "application/json" ? JsonNode.Parse(text) : null);
    }

    public async Task<JsonNode> PollExecutionAsync(string id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var (_, execution) = await SendAsync(HttpMethod.Get, $"/v2/executions/{id}");
            if (execution!["state"]!.GetValue<string>() is "SUCCESS" or "ERROR" or "CANCELLED")
            {
                return execution;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Execution {id} did not finish: {execution.ToJsonString()}");
            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite handle may linger for a moment; the temp folder is harmless.
        }
    }
}
