using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sirocco.Api;
using Sirocco.Api.Executions;

namespace Sirocco.Api.Tests.Infrastructure;

/// <summary>
/// A real Sirocco server on 127.0.0.1 with a free port, a fresh SQLite file, fake time and (optionally)
/// the fake execution runtime, plus helpers that send requests the way the <c>mistral</c> client does.
/// </summary>
public sealed class ApiHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;

    private ApiHost(WebApplication app, string directory, FakeTimeProvider clock, FakeExecutionRuntime? runtime)
    {
        _app = app;
        _directory = directory;
        Clock = clock;
        Runtime = runtime;
        BaseUrl = app.Urls.First();
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
    }

    public HttpClient Http { get; }

    /// <summary>The server's services, to check how configuration was bound.</summary>
    public IServiceProvider Services => _app.Services;

    public string BaseUrl { get; }

    public FakeTimeProvider Clock { get; }

    public FakeExecutionRuntime? Runtime { get; }

    public string DatabasePath => Path.Combine(_directory, "sirocco.db");

    /// <summary>Starts a server; <paramref name="withRuntime"/> puts the fake runtime in place of the durable one.</summary>
    public static async Task<ApiHost> StartAsync(bool withRuntime = false, params string[] args)
    {
        var directory = Path.Combine(Path.GetTempPath(), "sirocco-api-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        var db = Path.Combine(directory, "sirocco.db");
        FakeExecutionRuntime? runtime = null;
        // With the fake runtime the real one stays off, so nothing else writes execution rows.
        string[] runtimeSwitch = withRuntime ? ["--Runtime:Enabled=false"] : [];
        var app = SiroccoServer.Build(["--db", db, .. runtimeSwitch, .. args], "http://127.0.0.1:0", services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            if (withRuntime)
            {
                services.AddSingleton<IExecutionService>(sp => runtime = new FakeExecutionRuntime(db, clock, sp));
            }
        });
        await app.StartAsync();
        var host = new ApiHost(app, directory, clock, null);
        if (withRuntime)
        {
            // Resolve now so tests can seed state through it.
            _ = app.Services.GetRequiredService<IExecutionService>();
            host = new ApiHost(app, directory, clock, runtime);
        }

        return host;
    }

    public Task<Answer> PostYamlAsync(string path, string yaml) => SendAsync(HttpMethod.Post, path, new StringContent(yaml, Encoding.UTF8, "text/plain"));

    public Task<Answer> PutYamlAsync(string path, string yaml) => SendAsync(HttpMethod.Put, path, new StringContent(yaml, Encoding.UTF8, "text/plain"));

    public Task<Answer> PostJsonAsync(string path, string json) => SendAsync(HttpMethod.Post, path, new StringContent(json, Encoding.UTF8, "application/json"));

    public Task<Answer> PutJsonAsync(string path, string json) => SendAsync(HttpMethod.Put, path, new StringContent(json, Encoding.UTF8, "application/json"));

    public Task<Answer> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<Answer> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    /// <summary>GETs <paramref name="path"/> until it answers 200 with a body <paramref name="done"/> accepts (30 s at most).</summary>
    public async Task<JsonNode> PollAsync(string path, Func<JsonNode, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var answer = await GetAsync(path);
            if (answer.Status == HttpStatusCode.OK && done(answer.Body))
            {
                return answer.Body;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting on {path}: {answer.Text}");
            await Task.Yield();
        }
    }

    public async Task<Answer> SendAsync(HttpMethod method, string path, HttpContent? content, Action<HttpRequestHeaders>? headers = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        headers?.Invoke(request.Headers);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonNode? json = null;
        if (text.Length > 0 && response.Content.Headers.ContentType?.MediaType == "application/json")
        {
            json = JsonNode.Parse(text);
        }

        return new Answer(response.StatusCode, json, text);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.DisposeAsync();
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

/// <summary>Status, parsed JSON body (if any) and raw text of one answer.</summary>
public sealed record Answer(HttpStatusCode Status, JsonNode? Json, string Text)
{
    public JsonNode Body => Json ?? throw new InvalidOperationException($"No JSON body ({(int)Status}): {Text}");

    public string Fault => Body["faultstring"]?.GetValue<string>() ?? throw new InvalidOperationException($"No faultstring ({(int)Status}): {Text}");

    public string? Str(string name) => Body[name]?.GetValue<string>();
}
