using Sirocco.Actions.Abstractions;
using Sirocco.Expressions.Values;

namespace Sirocco.Actions.Standard;

/// <summary>std.echo: outputs its <c>output</c> input, after an optional delay in seconds.</summary>
[Action("std.echo", Description = "Returns 'output', optionally after 'delay' seconds.")]
internal sealed class EchoAction : IAction
{
    [ActionInput("output", Required = true)]
    public Value Output { get; set; } = Value.Null;

    [ActionInput("delay")]
    public Value Delay { get; set; } = Value.From(0);

    public async ValueTask<ActionOutcome> RunAsync(ActionContext context)
    {
        // Mistral does float(delay) and treats anything unparsable or negative as no delay.
        var seconds = Lenient.ToSeconds(Delay, integral: false);
        if (seconds > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds(seconds), context.Time, context.CancellationToken).ConfigureAwait(false);
        }

        return ActionOutcome.Success(Output);
    }
}
