namespace Sirocco.Runtime.Scheduling;

/// <summary>Settings of the cron scheduler; defaults suit one embedded server.</summary>
public sealed class CronSchedulerOptions
{
    /// <summary>Clock that decides what is due. Default: the system clock.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Pause between two looks for due triggers (Mistral's <c>execution_interval</c>). Default 1 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Due triggers read per look; a full batch is followed at once by the next one. Default 100.</summary>
    public int BatchSize { get; set; } = 100;
}
