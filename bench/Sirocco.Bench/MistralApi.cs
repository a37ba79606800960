using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sirocco.Bench;

/// <summary>
/// The few Mistral v2 REST calls the scenarios need, against any Mistral-compatible base URL
/// (<c>http://127.0.0.1:PORT/v2</c>). Every call is bounded by the client's timeout.
/// </summary>
internal sealed class MistralApi : IDisposable
{
    private static readonly string[] FinalStates = ["SUCCESS", "ERROR", "CANCELLED"];
    private readonly HttpClient _http;

    public MistralApi(string baseUrl, TimeSpan requestTimeout)
    {
        var uri = new Uri(baseUrl.TrimEnd('/') + "/");
        if (!uri.IsLoopback)
        {
            throw new ArgumentException($"only loopback addresses are benchmarked, not {uri}", nameof(baseUrl));
        }

        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        _http = new HttpClient(handler) { BaseAddress = uri, Timeout = requestTimeout };
        BaseUrl = uri.ToString().TrimEnd('/');
    }

    public string BaseUrl { get; }

    /// <summary>Creates the workflows of <paramref name="yaml"/>, or updates them when they exist (409).</summary>
    public async Task UploadWorkflowsAsync(string yaml, CancellationToken cancel)
    {
        // Mistral answers 406 to Accept: application/json on YAML uploads, so send none.
        using var post = await SendTextAsync(HttpMethod.Post, "workflows", yaml, cancel);
        if (post.StatusCode == HttpStatusCode.Conflict)
        {
            using var put = await SendTextAsync(HttpMethod.Put, "workflows", yaml, cancel);
            await EnsureAsync(put, "PUT workflows", cancel);
            return;
        }

        await EnsureAsync(post, "POST workflows", cancel);
    }

    public async Task<string> StartExecutionAsync(string workflow, JsonObject? input, CancellationToken cancel)
    {
        var body = new JsonObject { ["workflow_name"] = workflow, ["input"] = input ?? [] };
        var answer = await SendJsonAsync(HttpMethod.Post, "executions", body, cancel);
        return answer["id"]!.GetValue<string>();
    }

    public Task<JsonObject> GetExecutionAsync(string id, CancellationToken cancel) =>
        SendJsonAsync(HttpMethod.Get, $"executions/{id}", null, cancel);

    /// <summary>
    /// Polls until the execution is in a final state. The interval grows with the elapsed time
    /// (2 % of it, 1–250 ms), so polling costs both servers little and the end of a run is seen within about
    /// 2 % of its length on either server. (A 5 ms floor cost Sirocco's 30 ms chain runs up to a sixth of their
    /// time: 12 % in their median, docs/benchmarks.md, ninth session.)
    /// </summary>
    public async Task<string> WaitExecutionAsync(string id, DateTime started, TimeSpan timeout, CancellationToken cancel)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var state = (await GetExecutionAsync(id, cancel))["state"]!.GetValue<string>();
            if (FinalStates.Contains(state))
            {
                return state;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"execution {id} still {state} after {timeout.TotalSeconds:0} s");
            }

            var elapsed = DateTime.UtcNow - started;
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Clamp(elapsed.TotalMilliseconds / 50, 1, 250)), cancel);
        }
    }

    public async Task<IReadOnlyList<JsonObject>> ListAsync(string path, string plural, CancellationToken cancel)
    {
        var rows = new List<JsonObject>();
        string? marker = null;
        for (var page = 0; page < 10_000; page++)
        {
            var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
            var url = $"{path}{separator}limit=500" + (marker is null ? "" : $"&marker={marker}");
            var answer = await SendJsonAsync(HttpMethod.Get, url, null, cancel);
            var items = answer[plural]!.AsArray().Select(item => item!.AsObject()).ToList();
            rows.AddRange(items);
            if (items.Count < 500)
            {
                return rows;
            }

            marker = items[^1]["id"]!.GetValue<string>();
        }

        throw new InvalidOperationException($"more than 10,000 pages of {path}");
    }

    public Task CompleteActionAsync(string actionExecutionId, JsonNode output, CancellationToken cancel) =>
        SendJsonAsync(HttpMethod.Put, $"action_executions/{actionExecutionId}",
            new JsonObject { ["state"] = "SUCCESS", ["output"] = output }, cancel);

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendTextAsync(HttpMethod method, string path, string text, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(text, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        return await _http.SendAsync(request, cancel);
    }

    private async Task<JsonObject> SendJsonAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request, cancel);
        await EnsureAsync(response, $"{method} {path}", cancel);
        var text = await response.Content.ReadAsStringAsync(cancel);
        return JsonNode.Parse(text)?.AsObject() ?? throw new JsonException($"{method} {path}: empty answer");
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken cancel)
    {
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancel);
            throw new HttpRequestException(string.Create(CultureInfo.InvariantCulture,
                $"{what}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 400)]}"));
        }
    }
}
