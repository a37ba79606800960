using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Sirocco.Api.Tests.Callbacks;
using Sirocco.Api.Tests.Infrastructure;

namespace Sirocco.Api.Tests.AdHoc;

/// <summary>Ad-hoc actions whose base is a delegate: their <c>output</c> applies to the completion sent through the API.</summary>
public sealed class AdHocDelegateTests : IAsyncLifetime
{
    private const string Workbook = """
        ---
        version: '2.0'
        name: wbd

        actions:
          ticket:
            base: std.async_noop
            output:
              ticket: <% $.id %>
          labelled:
            base: ticket
            output: T-<% $.ticket %>
          remote:
            base: std.mistral_http
            base-input:
              url: <% $.url %>
              method: POST
            input: [url]
            output: <% $.answer * 2 %>

        workflows:
          plain:
            output:
              got: <% $.got %>
            tasks:
              ask:
                action: ticket
                publish:
                  got: <% task().result %>
          nested:
            output:
              got: <% $.got %>
            tasks:
              ask:
                action: labelled
                publish:
                  got: <% task().result %>
          called:
            input: [url]
            output:
              got: <% $.got %>
            tasks:
              ask:
                action: remote url=<% $.url %>
                publish:
                  got: <% task().result %>
        """;

    private ApiHost _api = null!;

    public async Task InitializeAsync()
    {
        _api = await ApiHost.StartAsync();
        Assert.Equal(HttpStatusCode.Created, (await _api.PostYamlAsync("/v2/workbooks", Workbook)).Status);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task A_PUT_completion_of_a_delegate_under_an_ad_hoc_action_gets_its_output_applied_and_may_be_repeated()
    {
        var (executionId, actionId) = await StartAsync("wbd.plain", new JsonObject());

        var first = await _api.PutJsonAsync($"/v2/action_executions/{actionId}", """{"state": "SUCCESS", "output": {"id": 7}}""");
        var again = await _api.PutJsonAsync($"/v2/action_executions/{actionId}", """{"state": "SUCCESS", "output": {"id": 7}}""");
        var other = await _api.PutJsonAsync($"/v2/action_executions/{actionId}", """{"state": "SUCCESS", "output": {"id": 8}}""");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(7, JsonNode.Parse(first.Str("output")!)!["result"]!["ticket"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(HttpStatusCode.Conflict, other.Status);
        var done = await WaitAsync(executionId);
        Assert.Equal("SUCCESS", done["state"]!.GetValue<string>());
        Assert.Equal(7, JsonNode.Parse(done["output"]!.GetValue<string>())!["got"]!["ticket"]!.GetValue<int>());
    }

    [Fact]
    public async Task Every_level_of_a_nested_ad_hoc_action_transforms_the_completion()
    {
        var (executionId, actionId) = await StartAsync("wbd.nested", new JsonObject());

        Assert.Equal(HttpStatusCode.OK, (await _api.PutJsonAsync($"/v2/action_executions/{actionId}", """{"state": "SUCCESS", "output": {"id": 5}}""")).Status);

        var done = await WaitAsync(executionId);
        Assert.Equal("T-5", JsonNode.Parse(done["output"]!.GetValue<string>())!["got"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_callback_completion_of_an_ad_hoc_std_mistral_http_gets_its_output_applied()
    {
        await using var peer = await DelegatePeer.StartAsync();
        var (executionId, _) = await StartAsync("wbd.called", new JsonObject { ["url"] = peer.Url });
        var headers = await peer.Called.WaitAsync(TimeSpan.FromSeconds(30));

        using var content = new StringContent("""{"state": "SUCCESS", "output": {"answer": 21}}""", Encoding.UTF8, "application/json");
        using var answer = await _api.Http.PostAsync(new Uri(headers["Mistral-Callback-URL"]), content);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var done = await WaitAsync(executionId);
        Assert.Equal(42, JsonNode.Parse(done["output"]!.GetValue<string>())!["got"]!.GetValue<int>());
    }

    /// <summary>Starts the workflow and returns its execution id and the id of its one (pending) action execution.</summary>
    private async Task<(string ExecutionId, string ActionId)> StartAsync(string workflow, JsonObject input)
    {
        var started = await _api.PostJsonAsync("/v2/executions", new JsonObject { ["workflow_name"] = workflow, ["input"] = input.ToJsonString() }.ToJsonString());
        Assert.True(started.Status == HttpStatusCode.Created, started.Text);
        var id = started.Str("id")!;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var tasks = (await _api.GetAsync($"/v2/executions/{id}/tasks")).Body["tasks"]!.AsArray();
            if (tasks.Count == 1)
            {
                var actions = (await _api.GetAsync($"/v2/tasks/{tasks[0]!["id"]!.GetValue<string>()}/action_executions")).Body["action_executions"]!.AsArray();
                if (actions.Count == 1)
                {
                    return (id, actions[0]!["id"]!.GetValue<string>());
                }
            }

            Assert.True(DateTime.UtcNow < deadline, $"{workflow} never called its action");
            await Task.Delay(10);
        }
    }

    private async Task<JsonNode> WaitAsync(string id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var execution = (await _api.GetAsync($"/v2/executions/{id}")).Body;
            if (execution["state"]!.GetValue<string>() is "SUCCESS" or "ERROR")
            {
                return execution;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{id} did not finish: {execution.ToJsonString()}");
            await Task.Delay(10);
        }
    }
}
