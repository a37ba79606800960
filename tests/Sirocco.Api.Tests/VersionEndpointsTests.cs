using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Sirocco.Api;

namespace Sirocco.Api.Tests;

public sealed class VersionEndpointsTests : IAsyncLifetime
{
    private WebApplication? _app;
    private HttpClient? _http;

    public async Task InitializeAsync()
    {
        _app = SiroccoServer.Build([], "http://127.0.0.1:0");
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Root_answers_the_mistral_version_document()
    {
        using var document = JsonDocument.Parse(await _http!.GetStringAsync(new Uri("/", UriKind.Relative)));

        var version = document.RootElement.GetProperty("versions")[0];
        Assert.Equal("v2.0", version.GetProperty("id").GetString());
        Assert.Equal("CURRENT", version.GetProperty("status").GetString());
        Assert.EndsWith("/v2", version.GetProperty("links")[0].GetProperty("href").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_answers_200()
    {
        using var response = await _http!.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
