using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Sirocco.Actions.Registry;
using Sirocco.Actions.Runner;
using Sirocco.Actions.Standard;
using Sirocco.Transport.RabbitMq;

namespace Sirocco.Cli;

/// <summary>
/// <c>sirocco server --roles executor</c>: runs actions from the broker and reports results to it (claims of calls
/// that must not run twice go to an engine as requests with a reply). Needs only the broker address and credentials — no database — so it can live next to the systems it calls.
/// With <c>--urls</c> it serves <c>/health</c> (broker connection, running actions) for the orchestrator.
/// </summary>
internal static class ExecutorRole
{
    public sealed record Settings(Uri Broker, string Prefix, string Target, int Concurrency, string? Urls);

    public static async Task<int> RunAsync(Settings settings, CancellationToken stopping)
    {
        using var loggers = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));
        var options = new RabbitMqOptions
        {
            Uri = settings.Broker,
            Prefix = settings.Prefix,
            // Prefetch no more than can run: a request parked in this executor's buffer is one that a broker
            // restart would flag redelivered without it ever having started.
            Prefetch = (ushort)Math.Clamp(settings.Concurrency, 1, ushort.MaxValue),
            ClientName = $"sirocco-executor-{Environment.MachineName}-{Environment.ProcessId}",
        };
        await using var connection = new RabbitMqConnection(options, loggers);
        await using var queue = new RabbitMqTaskQueue(connection);
        // Claims travel to an engine as requests with a reply: this process has no database.
        await using var claims = new RabbitMqActionClaims(connection);
        await using var results = new RabbitMqActionResultQueue(connection, claim: claims.ClaimAsync);
        MetricsText.EnsureListening();
        var reported = new CountingResultSink(results);
        var runner = new ActionRunner(
            new ActionRegistry().AddStandardActions(),
            queue,
            reported,
            new ActionRunnerOptions { Target = settings.Target, MaxConcurrency = settings.Concurrency },
            loggerFactory: loggers);

        WebApplication? health = null;
        if (settings.Urls is { } urls)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            health = builder.Build();
            health.MapGet("/health", () => connection.IsConnected
                ? Results.Ok(Status("ok"))
                : Results.Json(Status("broker unreachable"), statusCode: StatusCodes.Status503ServiceUnavailable));
            health.MapGet("/metrics", async (CancellationToken cancellationToken) => Results.Text(await MetricsAsync(cancellationToken).ConfigureAwait(false), "text/plain; version=0.0.4; charset=utf-8"));
            await health.StartAsync(stopping).ConfigureAwait(false);
        }

        async Task<string> MetricsAsync(CancellationToken cancellationToken)
        {
            var text = new MetricsText()
                .Gauge("sirocco_role", "Roles this process plays (1 each).", 1, $"role=\"{ServerRoles.Executor}\",node=\"{Environment.MachineName}\"")
                .Gauge("sirocco_broker_connected", "1 while the RabbitMQ connection is open.", connection.IsConnected ? 1 : 0)
                .Counter("sirocco_broker_connections_total", "Connections opened to the broker (> 1: it reconnected).", connection.Generation)
                .Gauge("sirocco_executor_running", "Actions running now in this executor.", runner.Running.Count);
            var queue = connection.Names.Actions(settings.Target);
            if (await connection.QueueDepthAsync(queue, cancellationToken).ConfigureAwait(false) is { } depth)
            {
                text.Gauge("sirocco_queue_messages", "Messages ready (not yet delivered) in a queue this process consumes.", depth.Messages, $"queue=\"{queue}\"")
                    .Gauge("sirocco_queue_consumers", "Consumers of a queue this process consumes.", depth.Consumers, $"queue=\"{queue}\"");
            }

            foreach (var (kind, count) in reported.Reported.OrderBy(r => r.Key))
            {
                text.Counter("sirocco_executor_results_total", "Action results reported by this executor, by kind.", count, $"kind=\"{kind.ToString().ToLowerInvariant()}\"");
            }

            return text.MeterCounters().ToString();
        }

        object Status(string status) => new
        {
            status,
            role = ServerRoles.Executor,
            target = settings.Target,
            brokerConnected = connection.IsConnected,
            brokerConnections = connection.Generation,
            running = runner.Running.Count,
        };

        try
        {
            await runner.RunAsync(stopping).ConfigureAwait(false);
        }
        finally
        {
            if (health is not null)
            {
                await health.StopAsync(CancellationToken.None).ConfigureAwait(false);
                await health.DisposeAsync().ConfigureAwait(false);
            }
        }

        return 0;
    }
}
