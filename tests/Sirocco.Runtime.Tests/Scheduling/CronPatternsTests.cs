using Sirocco.Persistence.CronTriggers;
using Sirocco.Runtime.Scheduling;

namespace Sirocco.Runtime.Tests.Scheduling;

/// <summary>Patterns as croniter reads them, and what one firing does to a trigger (Mistral's advance_cron_trigger).</summary>
public sealed class CronPatternsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("*/20 * * * *", "2016-03-22T23:40:00Z", "2016-03-23T00:00:00Z")] // Mistral's test_get_next_execution_time
    [InlineData("0 * * * *", "2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z")]
    [InlineData("* * * * * */15", "2026-01-01T00:00:00Z", "2026-01-01T00:00:15Z")] // croniter: seconds are the sixth field
    [InlineData("30 2 * * * 5", "2026-01-01T00:00:00Z", "2026-01-01T02:30:05Z")]
    public void Next_is_the_first_occurrence_strictly_after(string pattern, string after, string expected)
    {
        Assert.True(CronPatterns.TryParse(pattern, out var cron));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), CronPatterns.Next(cron, DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("every day")]
    [InlineData("61 * * * *")]
    [InlineData("* * * *")]
    public void Invalid_patterns_are_refused(string pattern) => Assert.False(CronPatterns.TryParse(pattern, out _));

    [Fact]
    public void Firing_a_limited_trigger_counts_down_and_deletes_it_at_zero()
    {
        var two = Trigger("* * * * *", T0, 2);

        var first = CronFiring.Plan(two, T0);
        var last = CronFiring.Plan(two with { RemainingExecutions = 1 }, T0);

        Assert.Equal(new CronFiring(T0.AddMinutes(1), 1), first);
        Assert.Equal(new CronFiring(null, 0), last);
    }

    [Fact]
    public void Firing_an_unlimited_trigger_keeps_it_unlimited() =>
        Assert.Equal(new CronFiring(T0.AddMinutes(1), null), CronFiring.Plan(Trigger("* * * * *", T0, null), T0));

    [Fact]
    public void Firing_late_computes_the_next_time_from_now() =>
        Assert.Equal(T0.AddHours(5), CronFiring.Plan(Trigger("0 * * * *", T0, null), T0.AddHours(4).AddMinutes(10)).Next);

    [Fact]
    public void Firing_a_trigger_without_pattern_deletes_it() =>
        Assert.Null(CronFiring.Plan(Trigger(null, T0, 1), T0).Next);

    private static CronTriggerRecord Trigger(string? pattern, DateTimeOffset next, int? remaining) =>
        new("id", "t", pattern, null, next, remaining, "wf", null, "{}", "{}", "private", "p", T0, null);
}
