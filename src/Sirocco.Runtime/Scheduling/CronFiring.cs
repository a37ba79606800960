using Sirocco.Persistence.CronTriggers;

namespace Sirocco.Runtime.Scheduling;

/// <summary>
/// What firing a due trigger does to it, as Mistral's <c>advance_cron_trigger</c>: one run fewer when the
/// count is limited; at zero the trigger is deleted; otherwise the next time is the first occurrence of the
/// pattern after the later of <em>now</em> and the time being fired. So a scheduler that was down for a
/// while fires each overdue trigger once, not once per missed occurrence, and then keeps the pattern's rhythm.
/// </summary>
/// <param name="Next">The trigger's next time, or null when it is to be deleted.</param>
/// <param name="RemainingExecutions">Runs left after this one (null: unlimited).</param>
internal sealed record CronFiring(DateTimeOffset? Next, int? RemainingExecutions)
{
    public static CronFiring Plan(CronTriggerRecord trigger, DateTimeOffset now)
    {
        var remaining = trigger.RemainingExecutions is > 0 ? trigger.RemainingExecutions - 1 : trigger.RemainingExecutions;
        if (remaining == 0 || trigger.Pattern is null || !CronPatterns.TryParse(trigger.Pattern, out var cron))
        {
            // A pattern-less trigger is a one-shot (the API gives it one run); an unreadable pattern cannot
            // have passed the API, but if it did there is no next time to compute either way.
            return new CronFiring(null, 0);
        }

        var from = now > trigger.NextExecutionTime ? now : trigger.NextExecutionTime;
        return new CronFiring(CronPatterns.Next(cron, from), remaining);
    }
}
