using System.Net;
using System.Text.Json.Nodes;
using Sirocco.Api.Tests.Infrastructure;

namespace Sirocco.Api.Tests.AdHoc;

/// <summary>Workflow tasks calling ad-hoc actions (also ad-hoc on ad-hoc) through the durable runtime and the real runner.</summary>
public sealed class AdHocWorkflowTests : IAsyncLifetime
{
    private const string Workbook = """
        ---
        version: '2.0'
        name: wb

        actions:
          greet:
            base: std.echo
            base-input:
              output: Hello, <% $.name %>
            input: [name]
            output: <% $ + '!' %>
          shout:
            base: greet
            base-input:
              name: <% $.who %>
            input:
              - who
              - loud: true
            output:
              text: <% $ %>
              loud: <% true %>

        workflows:
          nested:
            output:
              said: <% $.said %>
            tasks:
              speak:
                action: shout who='Ann'
                publish:
                  said: <% task().result %>
          bad_input:
            tasks:
              speak:
                action: greet nobody='x'
        """;

    private const string StoredAction = """
        ---
        version: '2.0'

        my.double:
          base: std.echo
          base-input:
            output: <% $.n * 2 %>
          input: [n]
        """;

    private const string StoredFlow = """
        ---
        version: '2.0'

        uses_stored:
          output:
            doubled: <% $.doubled %>
          tasks:
            twice:
              action: my.double n=21
              publish:
                doubled: <% task().result %>
        """;

    private ApiHost _api = null!;

    public async Task InitializeAsync()
    {
        _api = await ApiHost.StartAsync();
        Assert.Equal(HttpStatusCode.Created, (await _api.PostYamlAsync("/v2/workbooks", Workbook)).Status);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task An_ad_hoc_action_built_on_an_ad_hoc_action_applies_every_base_input_and_output()
    {
        var done = await RunAsync("wb.nested");

        Assert.Equal("SUCCESS", done["state"]!.GetValue<string>());
        var said = JsonNode.Parse(done["output"]!.GetValue<string>())!["said"]!;
        Assert.Equal("Hello, Ann!", said["text"]!.GetValue<string>());
        Assert.True(said["loud"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_stored_ad_hoc_action_runs_in_a_workflow()
    {
        Assert.Equal(HttpStatusCode.Created, (await _api.PostYamlAsync("/v2/actions", StoredAction)).Status);
        Assert.Equal(HttpStatusCode.Created, (await _api.PostYamlAsync("/v2/workflows", StoredFlow)).Status);

        var done = await RunAsync("uses_stored");

        Assert.Equal("SUCCESS", done["state"]!.GetValue<string>());
        Assert.Equal(42, JsonNode.Parse(done["output"]!.GetValue<string>())!["doubled"]!.GetValue<int>());
    }

    [Fact]
    public async Task Wrong_input_to_an_ad_hoc_action_fails_the_task_with_Mistrals_message()
    {
        var done = await RunAsync("wb.bad_input");

        Assert.Equal("ERROR", done["state"]!.GetValue<string>());
        var tasks = (await _api.GetAsync($"/v2/executions/{done["id"]!.GetValue<string>()}/tasks")).Body["tasks"]!.AsArray();
        var info = tasks.Single()!["state_info"]!.GetValue<string>();
        Assert.Contains("Invalid input [name=greet, class=AdHocAction, missing=['name'], unexpected=['nobody']]", info, StringComparison.Ordinal);
    }

    private async Task<JsonNode> RunAsync(string workflow)
    {
        var started = await _api.PostJsonAsync("/v2/executions", new JsonObject { ["workflow_name"] = workflow }.ToJsonString());
        Assert.True(started.Status == HttpStatusCode.Created, started.Text);
        var id = started.Str("id")!;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var execution = (await _api.GetAsync($"/v2/executions/{id}")).Body;
            if (execution["state"]!.GetValue<string>() is "SUCCESS" or "ERROR")
            {
                return execution;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{workflow} did not finish: {execution.ToJsonString()}");
            await Task.Delay(10);
        }
    }
}
