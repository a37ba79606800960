using Sirocco.Persistence.Durable;
using Sirocco.Transport.Queues;

namespace Sirocco.Runtime.Durable;

/// <summary>Settings of the durable runtime; defaults suit one embedded server.</summary>
public sealed class DurableRuntimeOptions
{
    /// <summary>
    /// This server's name. Timer leases and dispatched actions are recorded under it, and crash
    /// recovery at start-up only takes back what this name held. Servers sharing a database need
    /// distinct names; one that restarts must keep its name. Default: the machine name.
    /// </summary>
    public string NodeId { get; set; } = Environment.MachineName;

    /// <summary>Clock for decisions and timers.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>How long a claimed timer is reserved for this server before another may take it. Default 30 s.</summary>
    public TimeSpan TimerLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest pause between two timer polls (new timers of this server wake the poller earlier). Default 1 s.</summary>
    public TimeSpan TimerPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Timers claimed per poll. Default 100.</summary>
    public int TimerBatchSize { get; set; } = 100;

    /// <summary>Optional expiry of finished executions; null keeps them forever.</summary>
    public RetentionPolicy? Retention { get; set; }

    /// <summary>How often retention runs. Default 10 min.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The limits every decision enforces (task count, with-items length, sub-workflow depth); configuration <c>Limits:*</c>.</summary>
    public Engine.ExecutionLimits Limits { get; set; } = Engine.ExecutionLimits.Default;

    /// <summary>
    /// How long a sync action handed to a runner may go without a heartbeat before it counts as lost
    /// (Mistral: <c>max_missed_heartbeats</c> × <c>check_interval</c>, 15 × 20 s). A lost action is run
    /// again when its task says <c>safe-rerun</c>, otherwise its task fails. Must exceed the runners'
    /// heartbeat interval (15 s by default). Null or zero turns the live check off. Default 5 min.
    /// </summary>
    public TimeSpan? ActionHeartbeatTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Grace before the first heartbeat of a call marked SENT, which may wait in a queue for a free runner
    /// (Mistral's <c>first_heartbeat_timeout</c>); a runner's claim replaces it with one
    /// <see cref="ActionHeartbeatTimeout"/>. Default 1 h.
    /// </summary>
    public TimeSpan FirstHeartbeatTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often silent actions are looked for (Mistral's <c>check_interval</c>). Default 20 s.</summary>
    public TimeSpan HeartbeatCheckInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// True when this server's actions run in its own process (the embedded server): at start-up every
    /// sync action a runner had claimed (or, safe to rerun, had been handed) is certainly lost and is reported
    /// at once, and a handed-over call that needed a claim and never got one never started and is sent again. Set false when runners
    /// are separate processes that may still be running them; the heartbeat check decides then. Default true.
    /// </summary>
    public bool LostActionsAtStartUp { get; set; } = true;

    /// <summary>
    /// Where "stop this call" goes when a task times out or its execution is cancelled while the action
    /// runs. Default: the task queue, when it carries cancellations; else cancellations reach no runner.
    /// </summary>
    public IActionCancellation? ActionCancellation { get; set; }

    /// <summary>The heartbeat timeout when the live check is on, else null.</summary>
    internal TimeSpan? HeartbeatTimeoutOrNull => ActionHeartbeatTimeout is { } t && t > TimeSpan.Zero ? t : null;

    /// <summary>
    /// How long start-up recovery waits before re-sending the outbox rows it found undispatched, re-sending only
    /// those still undispatched then. Zero (default) re-sends everything at once, right for a single server.
    /// Engines sharing a database need a grace: the rows other live engines are dispatching at that moment are
    /// undispatched too. Re-sending one only publishes a duplicate (a call that must not run twice starts only on
    /// the runner whose claim wins), but the grace keeps such duplicates rare.
    /// </summary>
    public TimeSpan OutboxRecoveryGrace { get; set; }

    /// <summary>
    /// Actions without side effects, whose calls may run twice without harm: like calls of a task marked
    /// <c>safe-rerun</c>, their requests need no claim (<c>RunActionRequest.ClaimRequired</c> is false), so a
    /// redelivered or re-sent one runs again instead of failing its task. The task's own <c>safe-rerun</c> is
    /// unchanged. Default <c>std.noop</c>, <c>std.echo</c> and <c>std.fail</c>; ad-hoc actions built on them are not included.
    /// </summary>
    public IReadOnlySet<string> SideEffectFreeActions { get; set; } = new HashSet<string>(["std.noop", "std.echo", "std.fail"], StringComparer.Ordinal);

    /// <summary>How many times a unit that hit a deadlock or busy database is retried. Default 5.</summary>
    public int TransientRetries { get; set; } = 5;
}
