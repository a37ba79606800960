using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Configuration;
using Sirocco.Api;
using Sirocco.Api.Hosting;
using Sirocco.Engine;
using Sirocco.Expressions;
using Sirocco.Persistence;
using Sirocco.Persistence.Postgres;
using Sirocco.Runtime.Durable;
using Sirocco.Transport.RabbitMq;

namespace Sirocco.Cli;

/// <summary>
/// Composes a distributed <c>sirocco server --roles …</c> process over PostgreSQL and RabbitMQ. With
/// <c>api</c> the REST API host is the process and the background roles run beside it; without it a
/// small web host serves only <c>/health</c> when <c>--urls</c> is given.
/// </summary>
internal static class DistributedRoles
{
    public static async Task<int> RunAsync(DistributedSettings settings, CancellationToken stopping)
    {
        MetricsText.EnsureListening();
        return settings.Roles.Contains(ServerRoles.Api)
            ? await RunWithApiAsync(settings, stopping).ConfigureAwait(false)
            : await RunHeadlessAsync(settings, stopping).ConfigureAwait(false);
    }

    public static RabbitMqOptions BrokerOptions(DistributedSettings settings) => new()
    {
        Uri = settings.Broker,
        Prefix = settings.Prefix,
        // An executor prefetches no more than it can run (see ExecutorRole); engines keep the default.
        Prefetch = settings.Roles.Contains(ServerRoles.Executor) ? (ushort)Math.Clamp(settings.Concurrency, 1, ushort.MaxValue) : (ushort)16,
        ClientName = $"sirocco-{string.Join('-', settings.Roles.Order(StringComparer.Ordinal))}-{settings.NodeId}-{Environment.ProcessId}",
    };

    private static DurableRuntime NewRuntime(ISiroccoStore store, RabbitMqConnection connection, DistributedSettings settings, ExecutionLimits limits, ILoggerFactory loggers) =>
        new(store, new WorkflowEngine(), Expressions.Expressions.CreateEvaluator(), new RabbitMqTaskQueue(connection),
            new DurableRuntimeOptions { NodeId = settings.NodeId, Limits = limits, LostActionsAtStartUp = false, OutboxRecoveryGrace = TimeSpan.FromSeconds(3) }, loggers);

    /// <summary>The <c>Limits:*</c> keys of a process without the API host: command line, then <c>SIROCCO_</c> environment variables.</summary>
    private static ServerLimits Limits(DistributedSettings settings) => ServerLimits.From(new ConfigurationBuilder()
        .AddEnvironmentVariables("SIROCCO_")
        .AddCommandLine([.. settings.ExtraArgs])
        .Build());

    private static async Task<int> RunWithApiAsync(DistributedSettings settings, CancellationToken stopping)
    {
        var args = settings.ExtraArgs.Append($"--db={settings.Database}").ToArray();
        // Without an engine (or scheduler) beside it, the API hands its events to the engine nodes over the broker.
        var local = settings.Roles.Contains(ServerRoles.Engine) || settings.Roles.Contains(ServerRoles.Scheduler);
        var app = SiroccoServer.Build(args, settings.Urls, services =>
        {
            // Replace the embedded runtime (in-process queue + local action runner) by one that publishes its
            // outbox to RabbitMQ, or by the gateway to remote engines; the endpoints keep submitting events as before.
            services.RemoveAll<DurableRuntime>();
            var embedded = services.Where(d => d.ServiceType == typeof(IHostedService)
                && d.ImplementationType?.Assembly == typeof(SiroccoServer).Assembly).ToList();
            foreach (var descriptor in embedded)
            {
                services.Remove(descriptor);
            }

            services.AddSingleton(sp => new RabbitMqConnection(BrokerOptions(settings), sp.GetRequiredService<ILoggerFactory>()));
            if (local)
            {
                services.AddSingleton(sp => NewRuntime(sp.GetRequiredService<ISiroccoStore>(), sp.GetRequiredService<RabbitMqConnection>(), settings,
                    sp.GetRequiredService<ServerLimits>().Execution, sp.GetRequiredService<ILoggerFactory>()));
            }
            else
            {
                services.RemoveAll<IEventGateway>();
                services.AddSingleton(sp => new RabbitMqRequestClient(sp.GetRequiredService<RabbitMqConnection>()));
                services.AddSingleton<IEventGateway>(sp => new RemoteEventGateway(sp.GetRequiredService<RabbitMqRequestClient>(), settings.RequestTimeout));
            }

            services.AddSingleton(sp => new DistributedNode(settings.Roles, sp.GetRequiredService<RabbitMqConnection>(),
                local ? sp.GetRequiredService<DurableRuntime>() : null, settings, sp.GetRequiredService<ILoggerFactory>(), ownsRuntime: false));
            services.AddHostedService<DistributedNodeService>();
        });
        MapRoleHealth(app, () => app.Services.GetRequiredService<DistributedNode>());
        MapMetrics(app, () => app.Services.GetRequiredService<DistributedNode>());
        await app.StartAsync(stopping).ConfigureAwait(false);
        await app.WaitForShutdownAsync(stopping).ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> RunHeadlessAsync(DistributedSettings settings, CancellationToken stopping)
    {
        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));
        await using var connection = new RabbitMqConnection(BrokerOptions(settings), loggers);
        ISiroccoStore? store = null;
        DurableRuntime? runtime = null;
        if (settings.Roles.Contains(ServerRoles.Engine) || settings.Roles.Contains(ServerRoles.Scheduler))
        {
            store = await PostgresStore.OpenAsync(new PostgresStoreOptions { ConnectionString = settings.Database! }, stopping).ConfigureAwait(false);
            runtime = NewRuntime(store, connection, settings, Limits(settings).Execution, loggers);
        }

        var node = new DistributedNode(settings.Roles, connection, runtime, settings, loggers, ownsRuntime: true);
        WebApplication? health = null;
        try
        {
            await node.StartAsync(stopping).ConfigureAwait(false);
            if (settings.Urls is { } urls)
            {
                var builder = WebApplication.CreateSlimBuilder();
                builder.Logging.ClearProviders();
                builder.WebHost.UseUrls(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                health = builder.Build();
                health.MapGet("/health", () => node.Healthy
                    ? Results.Ok(node.Status())
                    : Results.Json(node.Status(), statusCode: StatusCodes.Status503ServiceUnavailable));
                MapMetrics(health, () => node);
                await health.StartAsync(stopping).ConfigureAwait(false);
            }

            await Task.Delay(Timeout.Infinite, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        finally
        {
            if (health is not null)
            {
                await health.StopAsync(CancellationToken.None).ConfigureAwait(false);
                await health.DisposeAsync().ConfigureAwait(false);
            }

            await node.DisposeAsync().ConfigureAwait(false);
            if (store is not null)
            {
                await store.DisposeAsync().ConfigureAwait(false);
            }
        }

        return 0;
    }

    /// <summary><c>/metrics</c>: Prometheus text of the process's roles.</summary>
    private static void MapMetrics(WebApplication app, Func<DistributedNode> node) =>
        app.MapGet("/metrics", async (CancellationToken cancellationToken) =>
            Results.Text(await node().MetricsAsync(cancellationToken).ConfigureAwait(false), "text/plain; version=0.0.4; charset=utf-8"));

    /// <summary><c>/health/roles</c> beside the API's own <c>/health</c>: the broker connection of the background roles.</summary>
    private static void MapRoleHealth(WebApplication app, Func<DistributedNode> node) =>
        app.MapGet("/health/roles", () => node().Healthy
            ? Results.Ok(node().Status())
            : Results.Json(node().Status(), statusCode: StatusCodes.Status503ServiceUnavailable));
}
