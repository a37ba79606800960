using Sirocco.Actions.Abstractions;
using Sirocco.Expressions.Values;

namespace Sirocco.Actions.Standard;

/// <summary>std.sleep: waits whole seconds, outputs null.</summary>
[Action("std.sleep", Description = "Waits 'seconds' (whole seconds); the output is null.")]
internal sealed class SleepAction : IAction
{
    [ActionInput("seconds")]
    public Value Seconds { get; set; } = Value.From(1);

    public async ValueTask<ActionOutcome> RunAsync(ActionContext context)
    {
        // Mistral does int(seconds): fractions are cut, garbage and negatives mean no wait.
        var seconds = Lenient.ToSeconds(Seconds, integral: true);
        if (seconds > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds(seconds), context.Time, context.CancellationToken).ConfigureAwait(false);
        }

        return ActionOutcome.Success();
    }
}
