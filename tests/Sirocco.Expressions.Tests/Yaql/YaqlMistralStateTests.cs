using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql;

namespace Sirocco.Expressions.Tests.Yaql;

/// <summary><c>task()</c>, <c>tasks()</c>, <c>executions()</c>, <c>global()</c> through <see cref="IWorkflowState"/>; <c>env()</c>/<c>execution()</c> from the data.</summary>
public sealed class YaqlMistralStateTests
{
    private readonly YaqlLanguage _language = new();
    private readonly FakeWorkflowState _state = new() { CurrentTask = "t2" };

    public YaqlMistralStateTests()
    {
        _state.TasksByName["t1"] = FakeWorkflowState.TaskDict("t1", "SUCCESS", DictValue.From([new KeyValuePair<string, Value>("vm", Value.From("vm-1"))]));
        _state.TasksByName["t2"] = FakeWorkflowState.TaskDict("t2", "ERROR", Value.From("boom"));
        _state.Globals["counter"] = Value.From(5);
    }

    private Value Eval(string text, Value? data = null)
    {
        var result = _language.Evaluate(text, new ExpressionContext(data ?? DictValue.Empty, _state));
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value!;
    }

    [Theory]
    [InlineData("<% task(t1).result.vm %>", "\"vm-1\"")]
    [InlineData("<% task('t1').state %>", "\"SUCCESS\"")]
    [InlineData("<% task(t1).id %>", "\"id-t1\"")]
    [InlineData("<% task(t1).name %>", "\"t1\"")]
    [InlineData("<% task(t1).spec.action %>", "\"std.noop\"")]
    [InlineData("<% task(t1).state_info %>", "null")]
    [InlineData("<% task(t1).published.out.vm %>", "\"vm-1\"")]
    [InlineData("<% task().state %>", "\"ERROR\"")]
    [InlineData("<% task().result %>", "\"boom\"")]
    [InlineData("<% task(nope) %>", "null")]
    [InlineData("<% tasks().len() %>", "2")]
    [InlineData("<% tasks(state => ERROR).name %>", "[\"t2\"]")]
    [InlineData("<% tasks(null, false, SUCCESS).name %>", "[\"t1\"]")]
    [InlineData("<% executions(abc).id %>", "[\"abc\"]")]
    [InlineData("<% global(counter) + 1 %>", "6")]
    [InlineData("<% global(missing) %>", "null")]
    public void State_function_reads_the_workflow_state(string text, string expectedJson) =>
        Assert.Equal(JsonValues.Parse(expectedJson).ToJson(), Eval(text).ToJson());

    [Fact]
    public void Tasks_passes_every_filter_to_the_state()
    {
        Eval("<% tasks('wf-1', true, 'RUNNING', true) %>");
        Eval("<% executions(id => x, root_execution_id => r, state => s, from_time => f, to_time => t) %>");
        Assert.Equal(["tasks(wf-1, True, RUNNING, True)", "executions(x, r, s, f, t)"], _state.Calls);
    }

    [Fact]
    public void Env_and_execution_read_the_reserved_keys_of_the_data()
    {
        var data = DictValue.From([
            new KeyValuePair<string, Value>("__env", DictValue.From([new KeyValuePair<string, Value>("region", Value.From("r1"))])),
            new("__execution", DictValue.From([new KeyValuePair<string, Value>("id", Value.From("ex-1"))])),
        ]);

        Assert.Equal(Value.From("r1"), Eval("<% env().region %>", data));
        Assert.Equal(Value.From("ex-1"), Eval("<% execution().id %>", data));
        Assert.Equal(Value.Null, Eval("<% execution() %>"));
    }

    [Fact]
    public void State_functions_without_a_workflow_fail_clearly()
    {
        var result = _language.Evaluate("<% task(t1) %>", new ExpressionContext(DictValue.Empty));
        Assert.False(result.IsSuccess);
        Assert.Contains("task()", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mistral_functions_have_no_method_form()
    {
        var result = _language.Evaluate("<% t1.task() %>", new ExpressionContext(DictValue.Empty, _state));
        Assert.Equal("unknown_function", result.Error!.Category);
    }

    [Fact]
    public void Uuid_is_new_each_time()
    {
        var first = Eval("<% uuid() %>");
        var second = Eval("<% uuid() %>");
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", ((StringValue)first).Value);
        Assert.NotEqual(first, second);
    }
}
