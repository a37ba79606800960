using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Tests.Jinja;

public class MistralFunctionTests
{
    private static readonly Value Data = JsonValues.Parse("""
        {"x": 1, "__env": {"region": "r1"}, "__execution": {"id": "ex-1", "input": {"a": 2}}}
        """);

    private readonly FakeWorkflowState _state = new();

    public MistralFunctionTests()
    {
        _state.TasksByName["current"] = FakeWorkflowState.TaskDict("current", "RUNNING", Value.Null);
        _state.TasksByName["fetch"] = FakeWorkflowState.TaskDict("fetch", "SUCCESS", Value.List(Value.From(1), Value.From(2)));
        _state.Globals["counter"] = Value.From(42);
    }

    private ExpressionResult Eval(string text, ExpressionOptions? options = null) =>
        Expressions.CreateEvaluator(options).Evaluate(text, new ExpressionContext(Data, _state));

    [Fact]
    public void Task_without_a_name_is_the_current_task()
    {
        Assert.Equal(Value.From("RUNNING"), Eval("{{ task().state }}").Value);
        Assert.Equal(["task(<current>)"], _state.Calls);
    }

    [Fact]
    public void Task_by_name_reads_its_result()
    {
        Assert.Equal(Value.From(3), Eval("{{ task('fetch').result | sum }}").Value);
    }

    [Fact]
    public void Task_that_did_not_run_is_none()
    {
        Assert.Equal(Value.Null, Eval("{{ task('nope') }}").Value);
    }

    [Fact]
    public void Tasks_passes_every_filter_argument()
    {
        var result = Eval("{{ tasks('ex-1', true, 'SUCCESS', flat=true) | map(attribute='name') | list }}");

        Assert.Equal(Value.List(Value.From("fetch")), result.Value);
        Assert.Equal(["tasks(ex-1, True, SUCCESS, True)"], _state.Calls);
    }

    [Fact]
    public void Executions_and_global_go_through_the_workflow_state()
    {
        Assert.Equal(Value.From("ex-9"), Eval("{{ executions('ex-9', state='RUNNING')[0].id }}").Value);
        Assert.Equal(Value.From(43), Eval("{{ global('counter') + 1 }}").Value);
        Assert.Equal(Value.Null, Eval("{{ global('missing') }}").Value);
        Assert.Equal(["executions(ex-9, , RUNNING, , )", "global(counter)", "global(missing)"], _state.Calls);
    }

    [Fact]
    public void Env_and_execution_read_the_data_context()
    {
        Assert.Equal(Value.From("r1"), Eval("{{ env().region }}").Value);
        Assert.Equal(Value.From(2), Eval("{{ execution().input.a }}").Value);
        Assert.Equal(Value.From("r1"), Eval("{{ (_ | env).region }}").Value);
        Assert.Equal(Value.From("ex-1"), Eval("{{ __execution.id }}").Value);
    }

    [Fact]
    public void State_functions_outside_a_workflow_fail_with_key_not_found()
    {
        var evaluator = Expressions.CreateEvaluator();

        var result = evaluator.Evaluate("{{ task() }}", new ExpressionContext(Data));

        Assert.Equal("key_not_found", result.Error!.Category);
    }

    [Fact]
    public void Uuid_comes_from_the_configured_source()
    {
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        var result = Eval("{{ uuid() }}-{{ _ | uuid }}", new ExpressionOptions { NewId = () => id });

        Assert.Equal(Value.From($"{id}-{id}"), result.Value);
    }

    [Theory]
    [InlineData("{{ json_parse('{\"a\": [1, 2.5, null]}').a[1] }}", "2.5")]
    [InlineData("{{ yaml_parse('a: yes\\nb: [1, 0x10, 1.5, ~, \"q\"]') }}", "{\"a\":true,\"b\":[1,16,1.5,null,\"q\"]}")]
    [InlineData("{{ yaml_parse(yaml_dump(_.__execution)) == _.__execution }}", "true")]
    public void Json_and_yaml_helpers_match_mistral(string expression, string expectedJson)
    {
        Assert.Equal(expectedJson, Eval(expression).Value!.ToJson());
    }

    [Theory]
    [InlineData("{{ json_dump([1, {'b': 'c'}]) }}", "[\n    1,\n    {\n        \"b\": \"c\"\n    }\n]")]
    [InlineData("{{ json_pp({'a': 'x\\ny'}) }}", "{\n    \"a\": \"x\ny\"\n}")]
    [InlineData("{{ json_dump('Grüße') }}", "\"Gr\\u00fc\\u00dfe\"")]
    [InlineData("{{ yaml_dump({'b': [1, 'two'], 'a': none, 'c': 'yes'}) }}", "a: null\nb:\n- 1\n- two\nc: 'yes'\n")]
    public void Dumpers_write_python_text(string expression, string expected)
    {
        Assert.Equal(Value.From(expected), Eval(expression).Value);
    }

    [Theory]
    [InlineData("{{ _ | json_dump }}", "type_error")]
    [InlineData("{{ json_parse('nope') }}", "value_error")]
    [InlineData("{{ yaml_parse('a: [1') }}", "other")]
    [InlineData("{{ uuid(1) }}", "type_error")]
    [InlineData("{{ {} | env }}", "key_not_found")]
    public void Misused_helpers_fail_with_the_corpus_category(string expression, string category)
    {
        Assert.Equal(category, Eval(expression).Error!.Category);
    }
}
