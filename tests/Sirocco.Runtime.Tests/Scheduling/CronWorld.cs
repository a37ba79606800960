using Microsoft.Extensions.Time.Testing;
using Sirocco.Persistence;
using Sirocco.Persistence.CronTriggers;
using Sirocco.Persistence.Definitions;
using Sirocco.Persistence.Executions;
using Sirocco.Persistence.Querying;
using Sirocco.Runtime.Durable;
using Sirocco.Runtime.Scheduling;
using Sirocco.Runtime.Tests.Infrastructure;

namespace Sirocco.Runtime.Tests.Scheduling;

/// <summary>One scheduler "server" on fake time: a store, a durable runtime with a scripted runner, a cron scheduler.</summary>
internal sealed class CronWorld : IAsyncDisposable
{
    /// <summary>A workflow with one input, whose single task echoes.</summary>
    public const string Greet = """
        version: '2.0'
        greet:
          input: [name]
          tasks:
            hello:
              action: std.echo output=1
        """;

    private CronWorld(RuntimeHost host, CronScheduler scheduler, FakeTimeProvider clock)
    {
        Host = host;
        Scheduler = scheduler;
        Clock = clock;
    }

    public static DateTimeOffset Start { get; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public RuntimeHost Host { get; }

    public ISiroccoStore Store => Host.Store;

    public CronScheduler Scheduler { get; }

    public FakeTimeProvider Clock { get; }

    public static async Task<CronWorld> StartAsync(ISiroccoStore store, FakeTimeProvider clock, string node = "node-a")
    {
        var host = await RuntimeHost.StartAsync(store, new DurableRuntimeOptions { NodeId = node, Clock = clock });
        var scheduler = new CronScheduler(store, host.Runtime, new CronSchedulerOptions { Clock = clock });
        return new CronWorld(host, scheduler, clock);
    }

    public static async Task SeedWorkflowAsync(ISiroccoStore store, string yaml = Greet, string name = "greet")
    {
        var record = new DefinitionRecord(Guid.NewGuid().ToString(), DefinitionKind.Workflow, name, "", "<default-project>", "private", yaml, [], Start, null);
        await store.Definitions.CreateAsync([record], default);
    }

    public static CronTriggerRecord Trigger(
        string name,
        string? pattern,
        DateTimeOffset next,
        int? remaining = null,
        DateTimeOffset? first = null,
        string workflow = "greet",
        string input = """{"name":"ann"}""",
        string parameters = "{}") =>
        new(Guid.NewGuid().ToString(), name, pattern, first, next, remaining, workflow, null, input, parameters, "private", "<default-project>", Start, null);

    /// <summary>Moves the fake clock to <paramref name="at"/> and lets the scheduler look once.</summary>
    public async Task<int> FireAtAsync(DateTimeOffset at)
    {
        Clock.SetUtcNow(at);
        return await Scheduler.FireDueAsync(default);
    }

    public async Task<IReadOnlyList<WorkflowExecutionRecord>> ExecutionsAsync() =>
        await Store.Executions.ListWorkflowExecutionsAsync(new ListQuery { Limit = 10_000 }, includeOutput: false, default);

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
