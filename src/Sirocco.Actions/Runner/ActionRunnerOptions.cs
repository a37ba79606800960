using Sirocco.Transport.Queues;

namespace Sirocco.Actions.Runner;

/// <summary>Settings of an <see cref="ActionRunner"/>, with their defaults.</summary>
public sealed class ActionRunnerOptions
{
    /// <summary>The queue this runner consumes (a task's <c>target</c>). Default <c>default</c>.</summary>
    public string Target { get; set; } = RunActionRequest.DefaultTarget;

    /// <summary>Actions run at the same time. Default: the number of processors.</summary>
    public int MaxConcurrency { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// Finished actions whose results may wait for the engine to store them while the runner takes further
    /// requests (a request is acknowledged only once its result is stored). The engine stores results that
    /// arrive together in one commit, so this window, not <see cref="MaxConcurrency"/>, bounds how many it can
    /// share. Default 256.
    /// </summary>
    public int MaxUnreportedResults { get; set; } = 256;

    /// <summary>How often running actions are reported alive; zero turns heartbeats off. Default 15 s.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Timeout for requests that carry none; null means none. Default null.</summary>
    public TimeSpan? DefaultTimeout { get; set; }

    /// <summary>
    /// How many finished action executions the runner remembers to recognise a repeated delivery.
    /// Default 10,000.
    /// </summary>
    public int RememberedResults { get; set; } = 10_000;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrency, 1, nameof(MaxConcurrency));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxUnreportedResults, nameof(MaxUnreportedResults));
        ArgumentOutOfRangeException.ThrowIfLessThan(HeartbeatInterval, TimeSpan.Zero, nameof(HeartbeatInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(RememberedResults, 1, nameof(RememberedResults));
        ArgumentException.ThrowIfNullOrEmpty(Target, nameof(Target));
    }
}
