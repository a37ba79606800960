using Microsoft.Extensions.Time.Testing;
using Sirocco.Actions.Abstractions;
using Sirocco.Actions.Tests.Support;
using Sirocco.Expressions.Values;

namespace Sirocco.Actions.Tests.Standard;

public class SimpleActionsTests
{
    private readonly Sirocco.Actions.Registry.ActionRegistry _registry = Contexts.Standard();

    [Fact]
    public async Task Noop_succeeds_with_null()
    {
        var outcome = await _registry.RunAsync("std.noop", "{}");

        Assert.Equal(ActionOutcomeKind.Success, outcome.Kind);
        Assert.Equal(Value.Null, outcome.Value);
    }

    [Fact]
    public async Task Async_noop_is_pending()
    {
        var outcome = await _registry.RunAsync("std.async_noop", "{}");

        Assert.True(outcome.IsPending);
    }

    [Fact]
    public async Task Echo_returns_its_output_unchanged()
    {
        var outcome = await _registry.RunAsync("std.echo", """{"output": {"a": [1, 2.5, "x", null]}}""");

        Assert.Equal(JsonValues.Parse("""{"a": [1, 2.5, "x", null]}"""), outcome.Value);
    }

    [Fact]
    public async Task Echo_with_delay_waits_on_the_clock()
    {
        var time = new FakeTimeProvider();
        var action = _registry.Find("std.echo")!.Create(Contexts.Input("""{"output": "late", "delay": 1.5}"""));

        var running = action.RunAsync(Contexts.Context(time)).AsTask();
        Assert.False(running.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1.4));
        Assert.False(running.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));

        Assert.Equal(new StringValue("late"), (await running.WaitAsync(TimeSpan.FromSeconds(10))).Value);
    }

    [Theory]
    [InlineData("\"abc\"")]
    [InlineData("-3")]
    [InlineData("\"0\"")]
    public async Task Echo_with_unusable_delay_does_not_wait(string delay)
    {
        var time = new FakeTimeProvider();
        var action = _registry.Find("std.echo")!.Create(Contexts.Input($$"""{"output": 1, "delay": {{delay}}}"""));

        var running = action.RunAsync(Contexts.Context(time)).AsTask();

        Assert.True(running.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Sleep_waits_whole_seconds_only()
    {
        var time = new FakeTimeProvider();
        var action = _registry.Find("std.sleep")!.Create(Contexts.Input("""{"seconds": 2.9}"""));

        var running = action.RunAsync(Contexts.Context(time)).AsTask();
        time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(running.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));

        Assert.Equal(Value.Null, (await running.WaitAsync(TimeSpan.FromSeconds(10))).Value);
    }

    [Fact]
    public async Task Sleep_honours_cancellation()
    {
        using var cts = new CancellationTokenSource();
        var action = _registry.Find("std.sleep")!.Create(Contexts.Input("""{"seconds": 3600}"""));

        var running = action.RunAsync(Contexts.Context(new FakeTimeProvider(), cts.Token)).AsTask();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
    }

    [Fact]
    public async Task Fail_with_error_data_returns_it_as_the_error()
    {
        var outcome = await _registry.RunAsync("std.fail", """{"error_data": {"code": 42}}""");

        Assert.True(outcome.IsError);
        Assert.Equal(JsonValues.Parse("""{"code": 42}"""), outcome.Value);
    }

    [Fact]
    public async Task Fail_without_error_data_throws_Mistral_message()
    {
        var error = await Assert.ThrowsAsync<ActionException>(() => _registry.RunAsync("std.fail", "{}"));

        Assert.Equal("Fail action expected exception.", error.Message);
    }

    [Fact]
    public async Task Test_dict_builds_prefixed_keys()
    {
        var outcome = await _registry.RunAsync("std.test_dict", """{"size": 3, "key_prefix": "k_", "val": "v"}""");

        Assert.Equal(JsonValues.Parse("""{"k_0": "v", "k_1": "v", "k_2": "v"}"""), outcome.Value);
    }

    [Fact]
    public async Task Test_dict_of_default_size_is_empty()
    {
        var outcome = await _registry.RunAsync("std.test_dict", "{}");

        Assert.Equal(DictValue.Empty, outcome.Value);
    }
}
