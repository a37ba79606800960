using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace Sirocco.Ui.Tests;

/// <summary>The UI files and the two /ui/api endpoints over plain HTTP, without a browser.</summary>
public sealed class UiServingTests
{
    [Fact]
    public async Task The_page_and_its_assets_are_served_without_a_key_but_ui_api_needs_one()
    {
        await using var server = await UiServer.StartAsync("--Auth:Enabled=true", "--Auth:ApiKeys:0=k");
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(server.BaseUrl) };

        Assert.Equal(HttpStatusCode.Redirect, (await http.GetAsync("/ui")).StatusCode);
        var page = await http.GetAsync("/ui/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("no-cache", page.Headers.CacheControl?.ToString());
        var html = await page.Content.ReadAsStringAsync();
        var asset = html.Split('"').First(s => s.StartsWith("/ui/assets/", StringComparison.Ordinal) && s.EndsWith(".js", StringComparison.Ordinal));
        var script = await http.GetAsync(asset);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", script.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/ui/assets/missing.js")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/ui/api/workflows/x/graph")).StatusCode);
    }

    [Fact]
    public async Task Graph_gives_transitions_of_direct_and_requires_of_reverse_workflows()
    {
        await using var server = await UiServer.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        const string Yaml = """
            version: '2.0'
            direct_one:
              tasks:
                a:
                  action: std.noop
                  on-success:
                    - b: <% true %>
                  on-error: [fail]
                b:
                  workflow: reverse_one
            reverse_one:
              type: reverse
              tasks:
                x:
                  action: std.noop
                y:
                  action: std.noop
                  requires: [x]
            """;
        (await http.PostAsync("/v2/workflows", new StringContent(Yaml, Encoding.UTF8, "text/plain"))).EnsureSuccessStatusCode();

        var direct = (await http.GetFromJsonAsync<JsonObject>("/ui/api/workflows/direct_one/graph"))!;
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""[{"from":"a","to":"b","on":"on-success","condition":"<% true %>"},{"from":"a","to":"(fail)","on":"on-error","condition":null}]"""),
            direct["edges"]), direct["edges"]!.ToJsonString());
        Assert.Equal("workflow", direct["tasks"]![1]!["kind"]!.GetValue<string>());
        var reverse = (await http.GetFromJsonAsync<JsonObject>("/ui/api/workflows/reverse_one/graph"))!;
        Assert.Equal("""[{"from":"x","to":"y","on":"requires","condition":null}]""", reverse["edges"]!.ToJsonString());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/ui/api/workflows/nope/graph")).StatusCode);
    }

    [Fact]
    public async Task Events_stream_sends_a_snapshot_of_the_execution_and_its_tasks()
    {
        await using var server = await UiServer.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        (await http.PostAsync("/v2/workflows", new StringContent("version: '2.0'\nwait:\n  tasks:\n    t:\n      action: std.async_noop\n", Encoding.UTF8, "text/plain"))).EnsureSuccessStatusCode();
        var started = await http.PostAsJsonAsync("/v2/executions", new JsonObject { ["workflow_name"] = "wait" });
        var id = (await started.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await http.GetAsync($"/ui/api/executions/{id}/events", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        // Read events until one shows the task: the first may come before the engine created it.
        while (true)
        {
            var line = await reader.ReadLineAsync(cancel.Token);
            if (line is null || !line.StartsWith("data: ", StringComparison.Ordinal))
            {
                Assert.NotNull(line);
                continue;
            }

            var snapshot = JsonNode.Parse(line[6..])!;
            Assert.Equal(id, snapshot["execution"]!["id"]!.GetValue<string>());
            if (snapshot["tasks"]!.AsArray().Count == 1)
            {
                Assert.Equal("t", snapshot["tasks"]![0]!["name"]!.GetValue<string>());
                break;
            }
        }

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/ui/api/executions/nope/events")).StatusCode);
    }
}
