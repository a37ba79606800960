using Sirocco.Persistence.Durable;

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

    /// <summary>
    /// Whether start-up recovery reports the actions this node dispatched and that are still running as lost.
    /// True for an embedded server (its runner died with it). False for an engine node of a distributed
    /// deployment: its actions run on executor processes that survived it, and a dead executor's requests
    /// come back from the broker flagged redelivered instead. Default true.
    /// </summary>
    public bool ReportLostActionsAtStart { get; set; } = true;

    /// <summary>
    /// How long start-up recovery waits before re-sending the outbox rows it found undispatched, re-sending only
    /// those still undispatched then. Zero (default) re-sends everything at once, right for a single server.
    /// Engines sharing a database need a grace: the rows other live engines are dispatching at that moment are
    /// undispatched too, and re-sending them would run their actions twice. With a grace, re-sent run-action
    /// requests are flagged <c>Resent</c>: a runner reruns them only where the task is <c>safe-rerun</c>.
    /// </summary>
    public TimeSpan OutboxRecoveryGrace { get; set; }

    /// <summary>How many times a unit that hit a deadlock or busy database is retried. Default 5.</summary>
    public int TransientRetries { get; set; } = 5;
}
