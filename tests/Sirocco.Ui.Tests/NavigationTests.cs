using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;

namespace Sirocco.Ui.Tests;

/// <summary>Executions list filters, sub-workflow navigation both ways, and rerunning a failed task from the page.</summary>
public sealed class NavigationTests
{
    private const string Workflows = """
        version: '2.0'
        parent:
          tasks:
            call_child:
              workflow: child
        child:
          tasks:
            inner:
              action: std.echo output="from the child"
        broken:
          tasks:
            boom:
              action: std.fail
        """;

    [Fact]
    public async Task Filters_sub_workflows_and_rerun_work_in_the_browser()
    {
        await using var server = await UiServer.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        (await http.PostAsync("/v2/workflows", new StringContent(Workflows, Encoding.UTF8, "text/plain"))).EnsureSuccessStatusCode();
        var parent = await StartAsync(http, "parent");
        var broken = await StartAsync(http, "broken");
        await using var browser = await Browser.LaunchAsync();
        var page = browser.Page;

        // The list, filtered by state: only the failed execution.
        await page.GotoAsync(server.BaseUrl + "/ui/#/executions");
        await page.Locator("select[name=state]").SelectOptionAsync("ERROR");
        await page.Locator("form.filters button[type=submit]").ClickAsync();
        var rows = page.Locator("[data-test=executions] tbody tr[data-id]");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        Assert.Equal(broken, await rows.First.GetAttributeAsync("data-id"));

        // Rerun the failed task: confirmed, accepted by the API.
        await rows.First.Locator("a").ClickAsync();
        var boom = page.Locator("svg.graph g.node[data-task='boom']");
        await Assertions.Expect(boom).ToHaveAttributeAsync("data-state", "ERROR");
        await boom.ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=task-state-info]")).Not.ToHaveTextAsync("—");
        await page.Locator("[data-test=rerun]").ClickAsync();
        var rerun = page.WaitForResponseAsync(r => r.Url.Contains("/v2/tasks/", StringComparison.Ordinal) && r.Request.Method == "PUT");
        await page.Locator("[data-test=dialog-ok]").ClickAsync();
        Assert.Equal(200, (await rerun).Status);
        await Assertions.Expect(page.Locator("dialog[open]")).ToHaveCountAsync(0);

        // Parent → sub-workflow → back to the parent.
        await page.GotoAsync(server.BaseUrl + $"/ui/#/executions/{parent}");
        var call = page.Locator("svg.graph g.node[data-task='call_child']");
        await Assertions.Expect(call).ToHaveAttributeAsync("data-state", "SUCCESS");
        await call.ClickAsync();
        await page.Locator("[data-test=sub-execution]").First.ClickAsync();
        await Assertions.Expect(page.Locator("svg.graph g.node[data-task='inner']")).ToHaveAttributeAsync("data-state", "SUCCESS");
        Assert.DoesNotContain(parent, page.Url, StringComparison.Ordinal);
        await page.Locator("a:has-text('parent execution')").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/ui/#/executions/{parent}$"));
        await Assertions.Expect(call).ToBeVisibleAsync();
    }

    private static async Task<string> StartAsync(HttpClient http, string workflow)
    {
        var response = await http.PostAsJsonAsync("/v2/executions", new JsonObject { ["workflow_name"] = workflow });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }
}
