using System.Net;
using System.Text.Json.Nodes;
using Sirocco.Api.Tests.Infrastructure;

namespace Sirocco.Api.Tests;

public sealed class CronTriggerEndpointsTests : IAsyncLifetime
{
    private ApiHost _api = null!;

    public async Task InitializeAsync()
    {
        _api = await ApiHost.StartAsync();
        await _api.PostYamlAsync("/v2/workflows", Samples.Workflow);
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Pattern_trigger_gets_its_next_time_from_the_pattern()
    {
        var answer = await _api.PostJsonAsync("/v2/cron_triggers",
            """{"name": "every5", "workflow_name": "demo_wf", "pattern": "*/5 * * * *", "workflow_input": "{\"name\": \"ann\"}", "remaining_executions": 3}""");

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal("2026-11-26 12:05:00", answer.Str("next_execution_time"));
        Assert.Equal(3, answer.Body["remaining_executions"]!.GetValue<int>());
        Assert.Equal("ann", JsonNode.Parse(answer.Str("workflow_input")!)!["name"]!.GetValue<string>());
        Assert.NotNull(answer.Str("workflow_id"));
    }

    [Fact]
    public async Task First_execution_time_without_pattern_is_a_one_shot()
    {
        var answer = await _api.PostJsonAsync("/v2/cron_triggers",
            """{"name": "once", "workflow_name": "demo_wf", "first_execution_time": "2026-11-27 08:30", "workflow_input": {"name": "x"}}""");

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal("2026-11-27 08:30:00", answer.Str("first_execution_time"));
        Assert.Equal("2026-11-27 08:30:00", answer.Str("next_execution_time"));
        Assert.Equal(1, answer.Body["remaining_executions"]!.GetValue<int>());
    }

    [Fact]
    public async Task Get_list_delete()
    {
        await _api.PostJsonAsync("/v2/cron_triggers", """{"name": "t1", "workflow_name": "demo_wf", "pattern": "0 * * * *", "workflow_input": {"name": "x"}}""");

        Assert.Equal("t1", (await _api.GetAsync("/v2/cron_triggers/t1")).Str("name"));
        Assert.Single((await _api.GetAsync("/v2/cron_triggers?workflow_name=demo_wf")).Body["cron_triggers"]!.AsArray());
        Assert.Equal(HttpStatusCode.NoContent, (await _api.DeleteAsync("/v2/cron_triggers/t1")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync("/v2/cron_triggers/t1")).Status);
    }

    [Fact]
    public async Task A_workflow_with_a_trigger_cannot_be_deleted()
    {
        await _api.PostJsonAsync("/v2/cron_triggers", """{"name": "t1", "workflow_name": "demo_wf", "pattern": "0 * * * *", "workflow_input": {"name": "x"}}""");

        var answer = await _api.DeleteAsync("/v2/workflows/demo_wf");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("t1", answer.Fault, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name": "t", "workflow_name": "demo_wf", "workflow_input": {"name": "x"}}""", "Pattern or first_execution_time")]
    [InlineData("""{"name": "t", "workflow_name": "demo_wf", "pattern": "every day", "workflow_input": {"name": "x"}}""", "pattern is not valid")]
    [InlineData("""{"name": "t", "workflow_name": "demo_wf", "first_execution_time": "2020-01-01 00:00", "workflow_input": {"name": "x"}}""", "greater than current time")]
    [InlineData("""{"name": "t", "workflow_name": "demo_wf", "first_execution_time": "soon", "workflow_input": {"name": "x"}}""", "Invalid first_execution_time")]
    [InlineData("""{"name": "t", "workflow_name": "demo_wf", "first_execution_time": "2026-11-27 08:30", "remaining_executions": 2, "workflow_input": {"name": "x"}}""", "Pattern must be provided")]
    [InlineData("""{"name": "t", "workflow_name": "demo_wf", "pattern": "* * * * *", "remaining_executions": 0, "workflow_input": {"name": "x"}}""", "greater or equal to 1")]
    [InlineData("""{"name": "t", "workflow_name": "demo_wf", "pattern": "* * * * *", "remaining_executions": "many", "workflow_input": {"name": "x"}}""", "Wrong type")]
    [InlineData("""{"name": "t", "workflow_name": "demo_wf", "pattern": "* * * * *"}""", "missing=['name']")]
    [InlineData("""{"name": "t", "pattern": "* * * * *"}""", "workflow_name")]
    [InlineData("""{"workflow_name": "demo_wf", "pattern": "* * * * *"}""", "missing field \"name\"")]
    public async Task Bad_triggers_return_400(string body, string expected)
    {
        var answer = await _api.PostJsonAsync("/v2/cron_triggers", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains(expected, answer.Fault, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_workflow_returns_404()
    {
        var answer = await _api.PostJsonAsync("/v2/cron_triggers", """{"name": "t", "workflow_name": "ghost", "pattern": "* * * * *"}""");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
    }

    [Fact]
    public async Task A_six_field_pattern_reads_its_last_field_as_seconds_as_croniter_does()
    {
        var answer = await _api.PostJsonAsync("/v2/cron_triggers",
            """{"name": "often", "workflow_name": "demo_wf", "pattern": "* * * * * */10", "workflow_input": {"name": "x"}}""");

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal("2026-11-26 12:00:10", answer.Str("next_execution_time"));
    }

    [Fact]
    public async Task A_created_trigger_starts_executions_until_its_count_runs_out()
    {
        var created = await _api.PostJsonAsync("/v2/cron_triggers",
            """{"name": "twice", "workflow_name": "demo_wf", "pattern": "*/5 * * * *", "workflow_input": {"name": "ann"}, "remaining_executions": 2}""");
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var triggerId = created.Str("id");

        var first = await FireUntilAsync(new DateTimeOffset(2026, 11, 26, 12, 5, 0, TimeSpan.Zero), 1);
        var execution = Assert.Single(first);
        Assert.Equal("demo_wf", execution!["workflow_name"]!.GetValue<string>());
        Assert.Equal("ann", JsonNode.Parse(execution["input"]!.GetValue<string>())!["name"]!.GetValue<string>());
        Assert.Contains(triggerId!, execution["description"]!.GetValue<string>(), StringComparison.Ordinal);
        var trigger = await _api.GetAsync("/v2/cron_triggers/twice");
        Assert.Equal(1, trigger.Body["remaining_executions"]!.GetValue<int>());
        Assert.Equal("2026-11-26 12:10:00", trigger.Str("next_execution_time"));

        await FireUntilAsync(new DateTimeOffset(2026, 11, 26, 12, 10, 0, TimeSpan.Zero), 2);
        Assert.Equal(HttpStatusCode.NotFound, (await _api.GetAsync("/v2/cron_triggers/twice")).Status);
    }

    /// <summary>Moves fake time to <paramref name="at"/>, then a second at a time (the scheduler sleeps on the fake clock) until <paramref name="count"/> executions exist.</summary>
    private async Task<JsonArray> FireUntilAsync(DateTimeOffset at, int count)
    {
        _api.Clock.SetUtcNow(at);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var list = (await _api.GetAsync("/v2/executions")).Body["executions"]!.AsArray();
            if (list.Count >= count)
            {
                Assert.Equal(count, list.Count);
                return list;
            }

            Assert.True(DateTime.UtcNow < deadline, "the scheduler started no execution");
            _api.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }
    }
}
