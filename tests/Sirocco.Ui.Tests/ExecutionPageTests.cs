using Microsoft.Playwright;
using Xunit;

namespace Sirocco.Ui.Tests;

/// <summary>The whole path an operator takes in the browser: upload, start, watch live, complete a delegate, finish.</summary>
public sealed class ExecutionPageTests
{
    internal const string Deploy = """
        version: '2.0'
        deploy_service:
          description: Build, test and roll out a service, with a manual approval.
          input:
            - service
            - replicas: 3
          tasks:
            build:
              action: std.echo output="<% $.service %>:1.4.2"
              publish:
                image: <% task().result %>
              on-success: [unit_tests, lint]
              on-error: [notify_failure]
            unit_tests:
              action: std.echo output="412 passed"
              on-success: [approve]
            lint:
              action: std.echo output="clean"
              on-success: [approve]
            approve:
              join: all
              action: std.async_noop
              on-success: [roll_out]
              on-error: [notify_failure]
            roll_out:
              action: std.echo output="<% $.replicas %> replicas of <% $.image %>"
              publish:
                rolled_out: <% task().result %>
            notify_failure:
              action: std.echo output="failed"
              on-complete: [fail]
        """;

    [Fact]
    public async Task Upload_start_watch_complete_delegate_and_finish_in_the_browser()
    {
        await using var server = await UiServer.StartAsync();
        await using var browser = await Browser.LaunchAsync();
        var page = browser.Page;

        await page.GotoAsync(server.BaseUrl + "/ui/#/upload");
        await page.Locator("[data-test=yaml]").FillAsync(Deploy);
        await page.Locator("[data-test=create]").ClickAsync();
        await page.WaitForURLAsync("**/ui/#/workflows/*");
        await Assertions.Expect(page.Locator("[data-test=definition]")).ToContainTextAsync("deploy_service");
        // The start form comes from the declared inputs.
        await Assertions.Expect(page.Locator("[data-input]")).ToHaveCountAsync(2);
        await page.Locator("[data-input=service]").FillAsync("payments");
        await page.Locator("[data-test=start]").ClickAsync();
        await page.WaitForURLAsync("**/ui/#/executions/*");

        // A marker on window survives only if the page is never reloaded: the graph must change through SSE.
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");
        await Assertions.Expect(Node(page, "build")).ToHaveAttributeAsync("data-state", "SUCCESS");
        await Assertions.Expect(Node(page, "lint")).ToHaveAttributeAsync("data-state", "SUCCESS");
        await Assertions.Expect(Node(page, "approve")).ToHaveAttributeAsync("data-state", "RUNNING");
        await Assertions.Expect(Node(page, "notify_failure")).ToHaveAttributeAsync("data-state", "not-started");
        await Assertions.Expect(page.Locator("[data-test=timeline] .row")).ToHaveCountAsync(4);

        await Node(page, "approve").ClickAsync();
        await page.Locator("[data-test=complete-action]").ClickAsync();
        await page.Locator("[data-test=complete-output]").FillAsync("{\"approved_by\": \"ops\"}");
        await page.Locator("[data-test=dialog-ok]").ClickAsync();

        await Assertions.Expect(Node(page, "roll_out")).ToHaveAttributeAsync("data-state", "SUCCESS");
        await Assertions.Expect(page.Locator("svg.graph")).ToHaveAttributeAsync("data-execution-state", "SUCCESS");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"));

        await Node(page, "roll_out").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=task-published]")).ToContainTextAsync("3 replicas of payments:1.4.2");
        await Assertions.Expect(page.Locator("[data-test=execution-output]")).ToBeAttachedAsync();

        // Operations are confirmed, and a refusal by the API is shown: a finished execution cannot be paused.
        await page.Locator("[data-test=op-pause]").ClickAsync();
        await page.Locator("[data-test=dialog-ok]").ClickAsync();
        await Assertions.Expect(page.Locator("dialog [role=alert]")).Not.ToBeEmptyAsync();
        await page.Locator("dialog button:has-text('Cancel')").ClickAsync();

        var screenshot = Path.Combine(Artifacts.Directory, "execution.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.True(new FileInfo(screenshot).Length > 10_000);
    }

    [Fact]
    public async Task Invalid_yaml_shows_the_diagnostic_at_its_line()
    {
        await using var server = await UiServer.StartAsync();
        await using var browser = await Browser.LaunchAsync();
        var page = browser.Page;

        await page.GotoAsync(server.BaseUrl + "/ui/#/upload");
        await page.Locator("[data-test=yaml]").FillAsync("version: '2.0'\nbroken:\n  tasks:\n    t1:\n      action: std.noop\n      on-success: [missing_task]\n");
        await page.Locator("[data-test=create]").ClickAsync();
        var diagnostic = page.Locator("[data-test=diagnostics] li").First;
        await Assertions.Expect(diagnostic).ToContainTextAsync("missing_task");
        Assert.Equal("6", await diagnostic.GetAttributeAsync("data-line"));
        await Assertions.Expect(page.Locator(".gutter .error-line")).ToHaveTextAsync("6");
    }

    [Fact]
    public async Task With_auth_on_the_key_is_asked_once_and_sent_as_X_Auth_Token()
    {
        await using var server = await UiServer.StartAsync("--Auth:Enabled=true", "--Auth:ApiKeys:0=s3cret");
        await using var browser = await Browser.LaunchAsync();
        var page = browser.Page;
        var tokens = new List<string?>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/v2/", StringComparison.Ordinal))
            {
                tokens.Add(request.Headers.GetValueOrDefault("x-auth-token"));
            }
        };

        await page.GotoAsync(server.BaseUrl + "/ui/#/workflows");
        await page.Locator("[data-test=api-key]").FillAsync("s3cret");
        await page.Locator("[data-test=dialog-ok]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=workflows]")).ToBeVisibleAsync();

        await page.GotoAsync(server.BaseUrl + "/ui/#/executions");
        await Assertions.Expect(page.Locator("[data-test=executions]")).ToBeVisibleAsync();
        Assert.Equal("s3cret", tokens[^1]);
        Assert.Equal(0, await page.Locator("dialog[open]").CountAsync());
    }

    private static ILocator Node(IPage page, string task) => page.Locator($"svg.graph g.node[data-task='{task}']");
}
