using Sirocco.Actions.Abstractions;
using Sirocco.Expressions.Values;

namespace Sirocco.Samples.Greeting;

/// <summary>
/// <c>greeting.hello</c>: greets <c>name</c>, <c>times</c> times, optionally in capitals.
/// Input signature: <c>name, times=1, shout=false</c>.
/// </summary>
[Action("greeting.hello", Description = "Greets someone.")]
public sealed class HelloAction : IAction
{
    /// <summary>Who to greet.</summary>
    [ActionInput("name", Required = true)]
    public string Name { get; set; } = string.Empty;

    /// <summary>How many greetings.</summary>
    [ActionInput("times")]
    public int Times { get; set; } = 1;

    /// <summary>Upper-case the greeting.</summary>
    [ActionInput("shout")]
    public bool Shout { get; set; }

    /// <inheritdoc />
    public ValueTask<ActionOutcome> RunAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Times < 1)
        {
            // An expected failure is a value, not an exception.
            return ValueTask.FromResult(ActionOutcome.Error($"times must be at least 1, got {Times}"));
        }

        var greeting = $"Hello, {Name}!";
        greeting = Shout ? greeting.ToUpperInvariant() : greeting;
        var output = DictValue.From(new KeyValuePair<string, Value>[]
        {
            new("greeting", new StringValue(string.Join(' ', Enumerable.Repeat(greeting, Times)))),
            new("execution_id", Value.From(context.ExecutionId)),
        });
        return ValueTask.FromResult(ActionOutcome.Success(output));
    }
}
