using System.Diagnostics;
using Sirocco.Actions.Abstractions;
using Sirocco.Actions.Standard;
using Sirocco.Actions.Tests.Support;
using Sirocco.Expressions.Values;

namespace Sirocco.Actions.Tests.Standard;

public class JavaScriptActionTests
{
    private readonly Sirocco.Actions.Registry.ActionRegistry _registry = Contexts.Standard();

    [Fact]
    public async Task Script_is_a_function_body_with_dollar_bound_to_context()
    {
        var outcome = await _registry.RunAsync(
            "std.javascript", """{"script": "return $.items.map(function (x) { return x * $.factor; });", "context": {"items": [1, 2, 3], "factor": 10}}""");

        Assert.Equal(JsonValues.Parse("[10, 20, 30]"), outcome.Value);
    }

    [Fact]
    public async Task Js_alias_runs_the_same_action()
    {
        var outcome = await _registry.RunAsync("std.js", """{"script": "return {name: 'x' + $, ok: true, n: 1.5};", "context": 7}""");

        Assert.Equal(JsonValues.Parse("""{"name": "x7", "ok": true, "n": 1.5}"""), outcome.Value);
    }

    [Theory]
    [InlineData("var a = 1;")]
    [InlineData("return undefined;")]
    [InlineData("return function () {};")]
    public async Task Nothing_returned_is_null(string script)
    {
        var outcome = await _registry.RunAsync("std.js", $$"""{"script": "{{script}}"}""");

        Assert.Equal(Value.Null, outcome.Value);
    }

    [Fact]
    public async Task Integers_stay_integers()
    {
        var outcome = await _registry.RunAsync("std.js", """{"script": "return 2 + 3;"}""");

        Assert.Equal(ValueKind.Int, outcome.Value.Kind);
        Assert.Equal(Value.From(5), outcome.Value);
    }

    [Fact]
    public async Task Thrown_error_fails_with_Mistral_prefix()
    {
        var error = await Assert.ThrowsAsync<ActionException>(
            () => _registry.RunAsync("std.js", """{"script": "throw new Error('bad input');"}"""));

        Assert.StartsWith("JavaScriptAction failed: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("bad input", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Syntax_error_fails_the_action()
    {
        var error = await Assert.ThrowsAsync<ActionException>(() => _registry.RunAsync("std.js", """{"script": "return (;"}"""));

        Assert.StartsWith("JavaScriptAction failed: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Infinite_loop_is_stopped_by_the_time_limit()
    {
        var registry = Contexts.Standard(new StandardActionOptions { JavaScriptTimeout = TimeSpan.FromMilliseconds(200) });
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ActionException>(() => registry.RunAsync("std.js", """{"script": "while (true) {}"}"""));

        Assert.Equal("JavaScriptAction failed: the script ran longer than its time limit (0.2 s, server configuration key Limits:JavaScriptTimeoutSeconds)", error.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"stopped only after {watch.Elapsed}");
    }

    [Fact]
    public async Task Allocation_beyond_the_memory_limit_is_stopped()
    {
        var registry = Contexts.Standard(new StandardActionOptions { JavaScriptMemoryLimit = 4 * 1024 * 1024 });

        var error = await Assert.ThrowsAsync<ActionException>(() => registry.RunAsync(
            "std.js", """{"script": "var a = []; while (true) { a.push('some text ' + a.length); }"}"""));

        Assert.StartsWith("JavaScriptAction failed: the script used more memory than its limit (4194304 bytes, server configuration key Limits:JavaScriptMemoryBytes): ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statement_limit_stops_a_long_script_when_configured()
    {
        var registry = Contexts.Standard(new StandardActionOptions { JavaScriptMaxStatements = 1000 });

        var error = await Assert.ThrowsAsync<ActionException>(
            () => registry.RunAsync("std.js", """{"script": "var n = 0; for (var i = 0; i < 100000; i++) { n++; } return n;"}"""));

        Assert.StartsWith("JavaScriptAction failed: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deep_recursion_is_stopped()
    {
        var error = await Assert.ThrowsAsync<ActionException>(
            () => _registry.RunAsync("std.js", """{"script": "function r(n) { return r(n + 1); } return r(0);"}"""));

        Assert.StartsWith("JavaScriptAction failed: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_stops_a_running_script()
    {
        using var cts = new CancellationTokenSource();
        var action = _registry.Find("std.js")!.Create(Contexts.Input("""{"script": "while (true) {}"}"""));

        var running = Task.Run(() => action.RunAsync(Contexts.Context(cancellationToken: cts.Token)).AsTask());
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}
