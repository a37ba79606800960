using Sirocco.Persistence.CronTriggers;
using Sirocco.Persistence.Definitions;
using Sirocco.Persistence.Durable;
using Sirocco.Persistence.Environments;
using Sirocco.Persistence.Executions;

namespace Sirocco.Persistence;

/// <summary>
/// One opened database (SQLite file or PostgreSQL) with its schema migrated. Providers:
/// <c>SqliteStore.OpenAsync</c> and <c>PostgresStore.OpenAsync</c>.
/// </summary>
public interface ISiroccoStore : IAsyncDisposable
{
    /// <summary>Short provider name: <c>sqlite</c> or <c>postgres</c>.</summary>
    string Provider { get; }

    /// <summary>Workbooks, workflows, ad-hoc actions.</summary>
    IDefinitionStore Definitions { get; }

    /// <summary>Environments.</summary>
    IEnvironmentStore Environments { get; }

    /// <summary>Cron triggers.</summary>
    ICronTriggerStore CronTriggers { get; }

    /// <summary>Read side of executions.</summary>
    IExecutionReader Executions { get; }

    /// <summary>The runtime's transactions, outbox, timers and retention.</summary>
    IDurableStore Durable { get; }
}
