using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Sirocco.Api.Tests.Callbacks;

/// <summary>
/// Delegate actions completed through their callback URL, over a real Kestrel server with the durable
/// runtime on a SQLite file — including a full server restart while the delegate is pending.
/// </summary>
public sealed partial class DelegateCallbackTests : IAsyncLifetime
{
    private const string Flow = """
        ---
        version: '2.0'

        delegate_wf:
          input: [url]
          output:
            answer: <% $.answer %>
          tasks:
            ask:
              action: std.mistral_http url=<% $.url %> method='POST'
              publish:
                answer: <% task().result %>
        """;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sirocco-callbacks-" + Guid.NewGuid().ToString("N"));
    private readonly HttpClient _http = new();
    private readonly int _port = FreePort();
    private DelegatePeer _peer = null!;
    private WebApplication? _server;
    private FakeTimeProvider? _clock;
    private string[] _options = [];

    private string Db => Path.Combine(_directory, "sirocco.db");

    private string BaseUrl => _server!.Urls.First();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _peer = await DelegatePeer.StartAsync();
        await StartServerAsync();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        await _peer.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled handle may linger; the temp folder is harmless.
        }
    }

    [Fact]
    public async Task A_delegate_completed_through_its_callback_URL_after_a_server_restart_finishes_the_workflow()
    {
        var (executionId, actionId, callback) = await StartDelegateAsync();

        // Restart: dispose the whole application and build a new one on the same database file.
        await _server!.DisposeAsync();
        _server = null;
        await StartServerAsync();

        var answer = await PostAsync(callback, """{"state": "SUCCESS", "output": {"ticket": 7}}""");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        await WaitForSqlAsync("SELECT COUNT(*) FROM sirocco_callback_keys", 1L);
        Assert.Equal(actionId, answer.Body!["id"]!.GetValue<string>());

        var done = await PollExecutionAsync(executionId);
        Assert.Equal("SUCCESS", done["state"]!.GetValue<string>());
        Assert.Equal(7, JsonNode.Parse(done["output"]!.GetValue<string>())!["answer"]!["ticket"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_same_completion_twice_answers_200_twice_and_a_conflicting_one_409()
    {
        var (executionId, _, callback) = await StartDelegateAsync();

        var first = await PostAsync(callback, """{"state": "SUCCESS", "output": {"ok": true}}""");
        var second = await PostAsync(callback, """{"state": "SUCCESS", "output": {"ok": true}}""");
        var third = await PostAsync(callback, """{"state": "ERROR", "output": {"reason": "changed my mind"}}""");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(first.Body!["output"]!.ToJsonString(), second.Body!["output"]!.ToJsonString());
        Assert.Equal("SUCCESS", second.Body["state"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, third.Status);
        Assert.Equal("SUCCESS", third.Body!["state"]!.GetValue<string>());
        Assert.Equal("SUCCESS", (await PollExecutionAsync(executionId))["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_wrong_token_or_unknown_action_answers_404_and_completes_nothing()
    {
        var (_, actionId, callback) = await StartDelegateAsync();
        var good = callback.ToString();
        var wrongToken = good[..(good.LastIndexOf('/') + 1)] + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        var unknownAction = good.Replace(actionId, Guid.NewGuid().ToString(), StringComparison.Ordinal);
        var token = good[(good.LastIndexOf('/') + 1)..];
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        var tamperedMac = good[..(good.LastIndexOf('/') + 1)] + token[..(dot + 1)] + (token[dot + 1] == 'A' ? 'B' : 'A') + token[(dot + 2)..];
        var tamperedExpiry = good[..(good.LastIndexOf('/') + 1)] + "1" + token;

        foreach (var url in new[] { wrongToken, unknownAction, tamperedMac, tamperedExpiry })
        {
            var answer = await PostAsync(new Uri(url), """{"state": "SUCCESS", "output": 1}""");
            Assert.Equal(HttpStatusCode.NotFound, answer.Status);
            Assert.Equal(NotFoundMessage, answer.Body!["faultstring"]!.GetValue<string>());
        }

        var action = await GetAsync($"/v2/action_executions/{actionId}");
        Assert.Equal("RUNNING", action["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_heartbeat_is_accepted_while_running_and_refused_once_the_action_is_done()
    {
        var (_, _, callback) = await StartDelegateAsync();
        var heartbeat = new Uri(callback + "/heartbeat");

        var alive = await PostAsync(heartbeat, "{}");
        await PostAsync(callback, """{"state": "SUCCESS", "output": null}""");
        var late = await PostAsync(heartbeat, "{}");

        Assert.Equal(HttpStatusCode.OK, alive.Status);
        Assert.Equal("RUNNING", alive.Body!["state"]!.GetValue<string>());
        Assert.True(late.Status == HttpStatusCode.Conflict, late.Body?.ToJsonString());
    }

    [Fact]
    public async Task A_heartbeat_moves_the_timeout_of_a_task_that_asks_for_it_and_the_move_survives_a_restart()
    {
        const string flow = """
            ---
            version: '2.0'

            delegate_wf:
              input: [url]
              tasks:
                ask:
                  action: std.mistral_http url=<% $.url %> method='POST'
                  timeout: 60
                  heartbeat-extends-timeout: true
            """;
        _clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        await RestartServerAsync();
        var start = _clock.GetUtcNow();
        var (executionId, actionId, callback) = await StartDelegateAsync(flow);
        Assert.Equal([Micros(start.AddSeconds(60))], await TimeoutDueTimesAsync());

        _clock.Advance(TimeSpan.FromSeconds(50));
        var beat = await PostAsync(new Uri(callback + "/heartbeat"), "{}");
        await RestartServerAsync();
        _clock.Advance(TimeSpan.FromSeconds(50));

        // One timeout timer, due a full minute after the heartbeat: the original deadline is gone.
        Assert.Equal(HttpStatusCode.OK, beat.Status);
        Assert.Equal([Micros(start.AddSeconds(110))], await TimeoutDueTimesAsync());
        Assert.Equal("RUNNING", (await GetAsync($"/v2/executions/{executionId}"))["state"]!.GetValue<string>());

        _clock.Advance(TimeSpan.FromSeconds(11));
        var done = await PollExecutionAsync(executionId);
        Assert.Equal("ERROR", done["state"]!.GetValue<string>());
        var task = (await GetAsync($"/v2/executions/{executionId}/tasks"))["tasks"]![0]!;
        Assert.Equal("Task timed out [timeout(s)=60].", task["state_info"]!.GetValue<string>());

        // A completion after the timeout is refused with the reason, and its result still recorded.
        var late = await PostAsync(callback, """{"state": "SUCCESS", "output": {"late": true}}""");
        Assert.True(late.Status == HttpStatusCode.Conflict, late.Body?.ToJsonString());
        Assert.Equal("Task timed out [timeout(s)=60].", late.Body!["state_info"]!.GetValue<string>());
        var recorded = await GetAsync($"/v2/action_executions/{actionId}");
        Assert.True(JsonNode.Parse(recorded["output"]!.GetValue<string>())!["result"]!["late"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_server_crash_mid_action_reruns_a_safe_rerun_task_after_the_restart()
    {
        const bool safeRerun = true;
        var flow = """
            ---
            version: '2.0'

            crash_wf:
              input: [url, safe]
              tasks:
                call:
                  action: std.http url=<% $.url %>
                  safe-rerun: <% $.safe %>
            """;
        await SendAsync(HttpMethod.Post, new Uri(BaseUrl + "/v2/workflows"), new StringContent(flow, Encoding.UTF8, "text/plain"));
        var input = new JsonObject { ["url"] = _peer.HangOnceUrl, ["safe"] = safeRerun }.ToJsonString();
        var started = await PostAsync(new Uri(BaseUrl + "/v2/executions"), new JsonObject { ["workflow_name"] = "crash_wf", ["input"] = input }.ToJsonString());
        var id = started.Body!["id"]!.GetValue<string>();
        await _peer.Hanging.WaitAsync(Patience);
        // A crash before the dispatch is marked in the outbox re-sends the command at start-up as a fresh
        // delivery, which the runner cannot tell from a first one (see the report); crash after it.
        await WaitForSqlAsync("SELECT COUNT(*) FROM outbox WHERE dispatched_at IS NULL", 0L);

        // The server goes away while std.http is waiting for the peer; its result never comes back.
        await _server!.DisposeAsync();
        _server = null;
        await StartServerAsync();

        var done = await PollExecutionAsync(id);
        Assert.Equal("SUCCESS", done["state"]!.GetValue<string>());
        Assert.Equal(2, _peer.HangCalls);
    }

    private async Task StartServerAsync()
    {
        _server = SiroccoServer.Build(["--db", Db, .. _options], $"http://127.0.0.1:{_port}", services =>
        {
            if (_clock is not null)
            {
                services.AddSingleton<TimeProvider>(_clock);
            }
        });
        await _server.StartAsync();
    }

    private async Task RestartServerAsync()
    {
        await _server!.DisposeAsync();
        _server = null;
        await StartServerAsync();
    }

    private async Task<long[]> TimeoutDueTimesAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Db}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT due_at FROM timers WHERE kind = 'Timeout' ORDER BY due_at";
        var due = new List<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            due.Add(reader.GetInt64(0));
        }

        return [.. due];
    }

    private static long Micros(DateTimeOffset time) => (time - DateTimeOffset.UnixEpoch).Ticks / 10;

    /// <summary>A fixed port, so the callback URL handed out before the restart still reaches the server after it.</summary>
    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the workflow and waits until its delegate has called the peer and is durably pending.</summary>
    private async Task<(string ExecutionId, string ActionId, Uri Callback)> StartDelegateAsync(string flow = Flow)
    {
        var created = await SendAsync(HttpMethod.Post, new Uri(BaseUrl + "/v2/workflows"), new StringContent(flow, Encoding.UTF8, "text/plain"));
        Assert.True(created.Status == HttpStatusCode.Created, created.Body?.ToJsonString());
        var input = new JsonObject { ["url"] = _peer.Url }.ToJsonString();
        var started = await PostAsync(new Uri(BaseUrl + "/v2/executions"), new JsonObject { ["workflow_name"] = "delegate_wf", ["input"] = input }.ToJsonString());
        Assert.True(started.Status == HttpStatusCode.Created, started.Body?.ToJsonString());
        var headers = await _peer.Called.WaitAsync(Patience);
        var actionId = headers["Mistral-Action-Execution-Id"];
        Assert.Equal(started.Body!["id"]!.GetValue<string>(), headers["Mistral-Execution-Id"]);
        var callback = new Uri(headers["Mistral-Callback-URL"]);
        Assert.StartsWith($"{BaseUrl}/v2/callbacks/{actionId}/", callback.ToString(), StringComparison.Ordinal);
        await WaitPendingAsync(actionId);
        return (started.Body["id"]!.GetValue<string>(), actionId, callback);
    }

    private async Task WaitForSqlAsync(string sql, object expected)
    {
        var deadline = DateTime.UtcNow + Patience;
        await using var connection = new SqliteConnection($"Data Source={Db}");
        await connection.OpenAsync();
        while (true)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            if (Equals(await command.ExecuteScalarAsync(), expected))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Never true: {sql}");
            await Task.Delay(10);
        }
    }

    /// <summary>The runner's "pending" report is what keeps a restart from treating the call as lost.</summary>
    private async Task WaitPendingAsync(string actionId)
    {
        var deadline = DateTime.UtcNow + Patience;
        await using var connection = new SqliteConnection($"Data Source={Db}");
        await connection.OpenAsync();
        while (true)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT runner_state FROM action_executions WHERE id = $id";
            command.Parameters.AddWithValue("$id", actionId);
            if (await command.ExecuteScalarAsync() is "PENDING")
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "The delegate never became pending");
            await Task.Delay(10);
        }
    }

    private async Task<JsonNode> PollExecutionAsync(string id)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var execution = await GetAsync($"/v2/executions/{id}");
            if (execution["state"]!.GetValue<string>() is "SUCCESS" or "ERROR" or "CANCELLED")
            {
                return execution;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Execution {id} did not finish: {execution.ToJsonString()}");
            await Task.Delay(10);
        }
    }

    private async Task<JsonNode> GetAsync(string path) => (await SendAsync(HttpMethod.Get, new Uri(BaseUrl + path), null)).Body!;

    private Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(Uri url, string json) =>
        SendAsync(HttpMethod.Post, url, new StringContent(json, Encoding.UTF8, "application/json"));

    private async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, Uri url, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 && text[0] is '{' or '[' ? JsonNode.Parse(text) : null);
    }
}
