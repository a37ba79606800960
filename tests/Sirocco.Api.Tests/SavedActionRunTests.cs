using System.Net;
using System.Text.Json.Nodes;
using Sirocco.Api.Tests.Infrastructure;

namespace Sirocco.Api.Tests;

/// <summary><c>POST /v2/action_executions</c> with <c>save_result</c> over the real durable runtime: stored, listed, gettable, completable.</summary>
public sealed class SavedActionRunTests : IAsyncLifetime
{
    private ApiHost _api = null!;

    public async Task InitializeAsync() => _api = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private Task<JsonNode> PollAsync(string path, Func<JsonNode, bool> done) => _api.PollAsync(path, done);

    [Fact]
    public async Task A_saved_synchronous_run_is_stored_with_its_result_and_listed()
    {
        var answer = await _api.PostJsonAsync("/v2/action_executions",
            """{"name": "std.echo", "input": {"output": "kept"}, "params": {"save_result": true, "run_sync": true}, "description": "direct"}""");

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        var id = answer.Str("id");
        Assert.False(string.IsNullOrEmpty(id));
        Assert.Equal("SUCCESS", answer.Str("state"));
        Assert.Equal("kept", JsonNode.Parse(answer.Str("output")!)!["result"]!.GetValue<string>());
        Assert.NotNull(answer.Str("created_at"));

        var stored = await _api.GetAsync($"/v2/action_executions/{id}");
        Assert.Equal(HttpStatusCode.OK, stored.Status);
        Assert.Equal("std.echo", stored.Str("name"));
        Assert.Equal("direct", stored.Str("description"));
        Assert.Equal("SUCCESS", stored.Str("state"));
        Assert.Null(stored.Body["task_execution_id"]);
        Assert.Equal("""{"output":"kept"}""", stored.Str("input"));
        var listed = (await _api.GetAsync("/v2/action_executions?name=std.echo")).Body["action_executions"]!.AsArray();
        Assert.Contains(listed, a => a!["id"]!.GetValue<string>() == id);
    }

    [Fact]
    public async Task A_saved_run_without_run_sync_answers_RUNNING_and_finishes_in_the_background()
    {
        var answer = await _api.PostJsonAsync("/v2/action_executions", """{"name": "std.echo", "input": {"output": 7}, "params": {"save_result": true}}""");

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal("RUNNING", answer.Str("state"));
        var done = await PollAsync($"/v2/action_executions/{answer.Str("id")}", a => a["state"]!.GetValue<string>() != "RUNNING");
        Assert.Equal("SUCCESS", done["state"]!.GetValue<string>());
        Assert.Equal("""{"result":7}""", done["output"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_saved_failing_run_is_stored_in_ERROR_with_its_reason()
    {
        var answer = await _api.PostJsonAsync("/v2/action_executions", """{"name": "std.fail", "input": {"error_data": "broken"}, "params": {"save_result": true, "run_sync": true}}""");

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal("ERROR", answer.Str("state"));
        Assert.Equal("ERROR", (await _api.GetAsync($"/v2/action_executions/{answer.Str("id")}")).Str("state"));
    }

    [Fact]
    public async Task A_saved_delegate_run_waits_for_its_webhook_which_is_idempotent()
    {
        var answer = await _api.PostJsonAsync("/v2/action_executions", """{"name": "std.async_noop", "params": {"save_result": true, "run_sync": true}}""");
        var id = answer.Str("id")!;

        Assert.Equal("RUNNING", answer.Str("state"));
        var completed = await _api.PutJsonAsync($"/v2/action_executions/{id}", """{"state": "SUCCESS", "output": {"answer": 42}}""");
        var again = await _api.PutJsonAsync($"/v2/action_executions/{id}", """{"state": "SUCCESS", "output": {"answer": 42}}""");
        var conflicting = await _api.PutJsonAsync($"/v2/action_executions/{id}", """{"state": "ERROR", "output": "\"no\""}""");

        Assert.Equal(HttpStatusCode.OK, completed.Status);
        Assert.Equal("SUCCESS", completed.Str("state"));
        Assert.Equal("""{"result":{"answer":42}}""", completed.Str("output"));
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(HttpStatusCode.Conflict, conflicting.Status);
        Assert.Equal("SUCCESS", (await _api.GetAsync($"/v2/action_executions/{id}")).Str("state"));
    }

    [Fact]
    public async Task An_unsaved_run_stays_unstored()
    {
        var answer = await _api.PostJsonAsync("/v2/action_executions", """{"name": "std.echo", "input": {"output": "gone"}}""");

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Null(answer.Body["id"]);
        Assert.Empty((await _api.GetAsync("/v2/action_executions")).Body["action_executions"]!.AsArray());
    }

    [Theory]
    [InlineData("""{"name": "std.echo", "input": {"output": 1}, "params": {"save_result": true, "run_sync": "yes"}}""", "run_sync")]
    [InlineData("""{"name": "std.echo", "input": {"wrong": 1}, "params": {"save_result": true}}""", "output")]
    [InlineData("""{"name": "no.such", "params": {"save_result": true}}""", "Failed to find action")]
    public async Task Bad_saved_runs_return_400_and_store_nothing(string body, string expected)
    {
        var answer = await _api.PostJsonAsync("/v2/action_executions", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains(expected, answer.Fault, StringComparison.Ordinal);
        Assert.Empty((await _api.GetAsync("/v2/action_executions")).Body["action_executions"]!.AsArray());
    }
}
