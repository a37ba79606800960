using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Sirocco.Persistence.Tests.Infrastructure;
using Sirocco.Transport.Tests.Support;

namespace Sirocco.Cli.Tests;

/// <summary>
/// <c>--roles api,engine</c> and <c>--roles executor</c> as two hosts with their own broker connections over a
/// throwaway PostgreSQL and RabbitMQ: executions started through the REST API run their actions on the
/// executor and their results come back through the engine's result pump.
/// </summary>
public sealed class DistributedRolesTests : IClassFixture<RabbitMqBroker>, IClassFixture<PostgresCluster>
{
    private const string Flow = """
        ---
        version: '2.0'

        greet:
          input: [name]
          output:
            greeting: <% $.greeting %>
          tasks:
            say:
              action: std.echo output="hello <% $.name %>"
              publish:
                greeting: <% task().result %>
              on-success: [later]
            later:
              action: std.noop
        """;

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(40);
    private readonly RabbitMqBroker _broker;
    private readonly PostgresCluster _postgres;

    public DistributedRolesTests(RabbitMqBroker broker, PostgresCluster postgres)
    {
        _broker = broker;
        _postgres = postgres;
    }

    [Fact]
    public async Task ApiEngineAndExecutorHosts_RunExecutionsEndToEndThroughTheRestApi()
    {
        var db = await _postgres.CreateDatabaseAsync();
        var prefix = "r" + Guid.NewGuid().ToString("N")[..10];
        var apiPort = FreePort.Next();
        var executorPort = FreePort.Next();
        using var stop = new CancellationTokenSource();
        var api = Task.Run(() => DistributedRoles.RunAsync(Settings("api,engine", prefix, db, apiPort, "engine-1"), stop.Token));
        var executor = Task.Run(() => DistributedRoles.RunAsync(Settings("executor", prefix, null, executorPort, "executor-1"), stop.Token));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{apiPort}") };
        using var executorHttp = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{executorPort}") };
        try
        {
            await FreePort.WaitUntilListeningAsync(apiPort, Deadline);
            await FreePort.WaitUntilListeningAsync(executorPort, Deadline);
            var created = await http.PostAsync(new Uri("/v2/workflows", UriKind.Relative), new StringContent(Flow, Encoding.UTF8, "text/plain"));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);

            var ids = new List<string>();
            foreach (var name in new[] { "ann", "bob", "cy" })
            {
                var started = await http.PostAsJsonAsync(new Uri("/v2/executions", UriKind.Relative), new { workflow_name = "greet", input = new { name } });
                Assert.Equal(HttpStatusCode.Created, started.StatusCode);
                ids.Add(JsonNode.Parse(await started.Content.ReadAsStringAsync())!["id"]!.GetValue<string>());
            }

            foreach (var (id, name) in ids.Zip(new[] { "ann", "bob", "cy" }))
            {
                var execution = await EndedAsync(http, id);
                Assert.Equal("SUCCESS", execution!["state"]!.GetValue<string>());
                Assert.Equal($"hello {name}", JsonNode.Parse(execution["output"]!.GetValue<string>())!["greeting"]!.GetValue<string>());
            }

            var roles = JsonNode.Parse(await http.GetStringAsync(new Uri("/health/roles", UriKind.Relative)))!;
            Assert.Equal("ok", roles["status"]!.GetValue<string>());
            Assert.Equal(["api", "engine"], roles["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
            var executorHealth = JsonNode.Parse(await executorHttp.GetStringAsync(new Uri("/health", UriKind.Relative)))!;
            Assert.True(executorHealth["brokerConnected"]!.GetValue<bool>());
            Assert.Equal("default", executorHealth["target"]!.GetValue<string>());
        }
        finally
        {
            await stop.CancelAsync();
            Assert.Equal(0, await api.WaitAsync(Deadline));
            Assert.Equal(0, await executor.WaitAsync(Deadline));
        }
    }

    [Fact]
    public async Task SchedulerAndEngineNodesWithoutApi_ServeHealthWithTheirRoles()
    {
        var db = await _postgres.CreateDatabaseAsync();
        var prefix = "s" + Guid.NewGuid().ToString("N")[..10];
        var port = FreePort.Next();
        using var stop = new CancellationTokenSource();
        var node = Task.Run(() => DistributedRoles.RunAsync(Settings("engine,scheduler", prefix, db, port, "sched-1"), stop.Token));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        try
        {
            await FreePort.WaitUntilListeningAsync(port, Deadline);
            JsonNode? health = null;
            await Poll.UntilAsync(
                async () =>
                {
                    using var answer = await http.GetAsync(new Uri("/health", UriKind.Relative));
                    health = JsonNode.Parse(await answer.Content.ReadAsStringAsync());
                    return answer.StatusCode == HttpStatusCode.OK;
                },
                Deadline);
            Assert.Equal(["engine", "scheduler"], health!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
            Assert.Equal("sched-1", health["nodeId"]!.GetValue<string>());
        }
        finally
        {
            await stop.CancelAsync();
            Assert.Equal(0, await node.WaitAsync(Deadline));
        }
    }

    [Fact]
    public async Task ApiOnlyNode_HandsStartPauseResumeAndDelegateCompletionToAnEngineNode()
    {
        const string waiter = """
            ---
            version: '2.0'

            waiter:
              tasks:
                ask:
                  action: std.async_noop
                  publish:
                    got: <% task().result %>
            """;
        var db = await _postgres.CreateDatabaseAsync();
        var prefix = "a" + Guid.NewGuid().ToString("N")[..10];
        var (apiPort, enginePort, executorPort) = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        using var stop = new CancellationTokenSource();
        var engine = Task.Run(() => DistributedRoles.RunAsync(Settings("engine", prefix, db, enginePort, "engine-1"), stop.Token));
        var executor = Task.Run(() => DistributedRoles.RunAsync(Settings("executor", prefix, null, executorPort, "executor-1"), stop.Token));
        var api = Task.Run(() => DistributedRoles.RunAsync(Settings("api", prefix, db, apiPort, "api-1"), stop.Token));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{apiPort}") };
        using var engineHttp = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{enginePort}") };
        try
        {
            await FreePort.WaitUntilListeningAsync(apiPort, Deadline);
            await FreePort.WaitUntilListeningAsync(enginePort, Deadline);
            Assert.Equal(HttpStatusCode.Created, (await http.PostAsync(new Uri("/v2/workflows", UriKind.Relative), new StringContent(waiter, Encoding.UTF8, "text/plain"))).StatusCode);

            // The API process has no engine: the start is applied by the engine node before the answer.
            var started = await http.PostAsJsonAsync(new Uri("/v2/executions", UriKind.Relative), new { workflow_name = "waiter" });
            Assert.Equal(HttpStatusCode.Created, started.StatusCode);
            var id = JsonNode.Parse(await started.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
            Assert.Equal("RUNNING", JsonNode.Parse(await started.Content.ReadAsStringAsync())!["state"]!.GetValue<string>());

            var paused = await http.PutAsJsonAsync(new Uri($"/v2/executions/{id}", UriKind.Relative), new { state = "PAUSED" });
            Assert.Equal("PAUSED", JsonNode.Parse(await paused.Content.ReadAsStringAsync())!["state"]!.GetValue<string>());
            var resumed = await http.PutAsJsonAsync(new Uri($"/v2/executions/{id}", UriKind.Relative), new { state = "RUNNING" });
            Assert.Equal("RUNNING", JsonNode.Parse(await resumed.Content.ReadAsStringAsync())!["state"]!.GetValue<string>());
            var unknown = await http.PutAsJsonAsync(new Uri($"/v2/executions/{Guid.NewGuid()}", UriKind.Relative), new { state = "PAUSED" });
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

            string? actionId = null;
            await Poll.UntilAsync(
                async () =>
                {
                    var tasks = JsonNode.Parse(await http.GetStringAsync(new Uri($"/v2/executions/{id}/tasks", UriKind.Relative)))!["tasks"]!.AsArray();
                    if (tasks.Count == 0)
                    {
                        return false;
                    }

                    var actions = JsonNode.Parse(await http.GetStringAsync(new Uri($"/v2/tasks/{tasks[0]!["id"]!.GetValue<string>()}/action_executions", UriKind.Relative)))!["action_executions"]!.AsArray();
                    actionId = actions.Count > 0 ? actions[0]!["id"]!.GetValue<string>() : null;
                    return actionId is not null;
                },
                Deadline);
            var completed = await http.PutAsJsonAsync(new Uri($"/v2/action_executions/{actionId}", UriKind.Relative), new { state = "SUCCESS", output = "{\"answer\": 42}" });
            Assert.Equal(HttpStatusCode.OK, completed.StatusCode);

            var execution = await EndedAsync(http, id);
            Assert.Equal("SUCCESS", execution["state"]!.GetValue<string>());
            Assert.Equal(42, JsonNode.Parse(execution["output"]!.GetValue<string>())!["got"]!["answer"]!.GetValue<int>());
            var metrics = await engineHttp.GetStringAsync(new Uri("/metrics", UriKind.Relative));
            // Start, pause, resume and the completion at least (the unknown id may be refused by the API itself).
            var applied = metrics.Split('\n').Single(l => l.StartsWith("sirocco_engine_requests_applied_total ", StringComparison.Ordinal));
            Assert.InRange(long.Parse(applied.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), 4, 5);
        }
        finally
        {
            await stop.CancelAsync();
            Assert.Equal(0, await api.WaitAsync(Deadline));
            Assert.Equal(0, await engine.WaitAsync(Deadline));
            Assert.Equal(0, await executor.WaitAsync(Deadline));
        }
    }

    private static async Task<JsonNode> EndedAsync(HttpClient http, string id)
    {
        var until = DateTime.UtcNow + Deadline;
        while (true)
        {
            var execution = JsonNode.Parse(await http.GetStringAsync(new Uri($"/v2/executions/{id}", UriKind.Relative)))!;
            if (execution["state"]!.GetValue<string>() is "SUCCESS" or "ERROR")
            {
                return execution;
            }

            if (DateTime.UtcNow > until)
            {
                var tasks = await http.GetStringAsync(new Uri($"/v2/executions/{id}/tasks", UriKind.Relative));
                Assert.Fail($"execution {id} did not end: {execution.ToJsonString()} tasks {tasks}");
            }

            await Task.Delay(50);
        }
    }

    private DistributedSettings Settings(string roles, string prefix, string? db, int port, string nodeId) =>
        new(ServerRoles.Parse(roles, out _)!, _broker.Uri, prefix, db, "default", 4, nodeId, $"http://127.0.0.1:{port}", []);
}
