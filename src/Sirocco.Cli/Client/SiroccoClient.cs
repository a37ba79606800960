using System.Net.Http.Headers;
using System.Text.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Sirocco.Cli.Client;

/// <summary>
/// The <c>/v2</c> REST API as the client commands use it: JSON in and out, the API key as <c>X-Auth-Token</c>,
/// and the server's own message (Mistral's <c>faultstring</c>) in a <see cref="ClientException"/> when refused.
/// </summary>
internal sealed class SiroccoClient : IDisposable
{
    private readonly HttpClient _http;

    public SiroccoClient(string url, string? apiKey, HttpMessageHandler? handler = null)
    {
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.BaseAddress = new Uri(url.TrimEnd('/') + "/");
        _http.Timeout = TimeSpan.FromSeconds(60);
        if (!string.IsNullOrEmpty(apiKey))
        {
            _http.DefaultRequestHeaders.Add("X-Auth-Token", apiKey);
        }
    }

    public Task<JsonNode> GetAsync(string path, CancellationToken cancel) => SendAsync(HttpMethod.Get, path, null, cancel);

    public Task<JsonNode> DeleteAsync(string path, CancellationToken cancel) => SendAsync(HttpMethod.Delete, path, null, cancel);

    public Task<JsonNode> PostJsonAsync(string path, JsonNode body, CancellationToken cancel) =>
        SendAsync(HttpMethod.Post, path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), cancel);

    public Task<JsonNode> PutJsonAsync(string path, JsonNode body, CancellationToken cancel) =>
        SendAsync(HttpMethod.Put, path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), cancel);

    public Task<JsonNode> SendTextAsync(HttpMethod method, string path, string text, CancellationToken cancel) =>
        SendAsync(method, path, new StringContent(text, Encoding.UTF8, new MediaTypeHeaderValue("text/plain")), cancel);

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/')) { Content = content };
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancel).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new ClientException($"cannot reach {_http.BaseAddress}: {e.Message}", e);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancel).ConfigureAwait(false);
            JsonNode? json = null;
            try
            {
                json = text.Length == 0 ? null : JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                json = null;
            }

            if (!response.IsSuccessStatusCode)
            {
                var message = json?["faultstring"]?.GetValue<string>() ?? json?["detail"]?.GetValue<string>() ?? text;
                throw new ClientException($"{(int)response.StatusCode} {response.ReasonPhrase}: {message}");
            }

            return json ?? new JsonObject();
        }
    }

    public void Dispose() => _http.Dispose();
}
