using Sirocco.Actions.Abstractions;
using Sirocco.Actions.Registry;
using Sirocco.Actions.Tests.Support;
using Sirocco.Expressions.Values;

namespace Sirocco.Actions.Tests.Registry;

public class InputBindingTests
{
    private readonly ActionRegistry _registry = Contexts.Standard();

    [Fact]
    public void Missing_required_parameter_is_reported_in_Mistral_format()
    {
        var error = Assert.Throws<ActionInputException>(() => _registry.Find("std.echo")!.Create(Contexts.Input("{}")));

        Assert.Equal("Invalid input [name=std.echo, class=EchoAction, missing=['output']]", error.Message);
    }

    [Fact]
    public void Unexpected_parameters_are_reported_with_the_missing_ones()
    {
        var error = Assert.Throws<ActionInputException>(
            () => _registry.Find("std.ssh")!.Create(Contexts.Input("""{"cmd": "ls", "hots": "h", "user": "u"}""")));

        Assert.Equal("Invalid input [name=std.ssh, class=SshAction, missing=['host', 'username'], unexpected=['hots', 'user']]", error.Message);
    }

    [Theory]
    [InlineData("""{"size": "ten"}""", "size: expected an integer, got a string \"ten\"")]
    [InlineData("""{"size": 1.5}""", "size: expected an integer, got a number 1.5")]
    [InlineData("""{"size": null}""", "size: expected an integer, got null null")]
    [InlineData("""{"key_prefix": 7}""", "key_prefix: expected a string, got an integer 7")]
    public void Wrongly_typed_input_names_parameter_and_expected_type(string input, string detail)
    {
        var error = Assert.Throws<ActionInputException>(() => _registry.Find("std.test_dict")!.Create(Contexts.Input(input)));

        Assert.Contains(detail, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("Invalid input [name=std.test_dict, class=TestDictAction, invalid=[", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Integer_beyond_the_parameter_range_is_wrongly_typed()
    {
        var error = Assert.Throws<ActionInputException>(
            () => _registry.Find("std.test_dict")!.Create(Contexts.Input("""{"size": 99999999999999999999}""")));

        Assert.Contains("size: expected an integer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nullable_parameter_accepts_null_and_list_parameter_accepts_a_single_string()
    {
        var action = _registry.Find("std.email")!.Create(
            Contexts.Input("""{"from_addr": "a@x", "to_addrs": "b@x", "smtp_server": "h", "subject": null}"""));

        Assert.NotNull(action);
    }

    [Fact]
    public void List_parameter_refuses_a_list_holding_a_non_string()
    {
        var error = Assert.Throws<ActionInputException>(() => _registry.Find("std.email")!.Create(
            Contexts.Input("""{"from_addr": "a@x", "to_addrs": ["b@x", 3], "smtp_server": "h"}""")));

        Assert.Contains("to_addrs: expected a string or a list of strings", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bound_values_reach_the_action_and_defaults_apply()
    {
        var outcome = await _registry.RunAsync("std.test_dict", """{"size": 2, "val": {"a": 1}}""");

        Assert.Equal(JsonValues.Parse("""{"0": {"a": 1}, "1": {"a": 1}}"""), outcome.Value);
    }

    [Fact]
    public void Each_create_returns_a_fresh_instance()
    {
        var descriptor = _registry.Find("std.echo")!;

        var first = descriptor.Create(Contexts.Input("""{"output": 1}"""));
        var second = descriptor.Create(Contexts.Input("""{"output": 2}"""));

        Assert.NotSame(first, second);
    }

    [Fact]
    public void Input_keys_that_are_not_strings_bind_by_their_json_text()
    {
        var input = DictValue.From([new KeyValuePair<Value, Value>(Value.From(1), Value.True)]);

        var error = Assert.Throws<ActionInputException>(() => _registry.Find("std.noop")!.Create(input));

        Assert.Contains("unexpected=['1']", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Outcome_factories_keep_kind_and_value()
    {
        Assert.True(ActionOutcome.Success().IsSuccess);
        Assert.Equal(Value.Null, ActionOutcome.Success().Value);
        Assert.Equal(new StringValue("boom"), ActionOutcome.Error("boom").Value);
        Assert.True(ActionOutcome.Pending.IsPending);
    }
}
