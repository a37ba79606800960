using System.CommandLine;
using Sirocco.Api;

namespace Sirocco.Cli;

/// <summary><c>sirocco server</c>: runs the service, by default with every role in one process.</summary>
internal static class ServerCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls")
        {
            Description = $"Addresses to listen on, separated by ';' (default {SiroccoServer.DefaultUrl}, or the 'urls' configuration).",
        };
        var roles = new Option<string?>("--roles")
        {
            Description = "Roles of this process, comma-separated: api,engine,executor,scheduler (default: all).",
        };
        var rabbit = new Option<string?>("--rabbitmq")
        {
            Description = "RabbitMQ broker for distributed roles, e.g. amqp://user:password@host:5672/vhost.",
        };
        var prefix = new Option<string>("--rabbitmq-prefix")
        {
            Description = "Prefix of Sirocco's queues on the broker (default sirocco).",
            DefaultValueFactory = _ => "sirocco",
        };
        var target = new Option<string>("--target")
        {
            Description = "Executor role: the task target whose queue it consumes (default 'default').",
            DefaultValueFactory = _ => "default",
        };
        var concurrency = new Option<int>("--concurrency")
        {
            Description = "Executor role: actions run at the same time (default: 4 per processor).",
            DefaultValueFactory = _ => 4 * Environment.ProcessorCount,
        };
        var db = new Option<string?>("--db")
        {
            Description = "Database: a SQLite file (all roles in one process) or a PostgreSQL connection string (required by api, engine and scheduler when distributed).",
        };
        var nodeId = new Option<string>("--node-id")
        {
            Description = "Distributed roles: this process's name for timer leases and crash recovery; distinct per process (default: machine name).",
            DefaultValueFactory = _ => Environment.MachineName,
        };
        var command = new Command("server", "Run the Sirocco service (REST API, engine, action runners and scheduler in one process, or the roles given).")
        {
            urls, roles, rabbit, prefix, target, concurrency, db, nodeId,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            var selected = ServerRoles.Parse(parse.GetValue(roles), out var error);
            if (selected is null)
            {
                await Console.Error.WriteLineAsync(error).ConfigureAwait(false);
                return 2;
            }

            var brokerText = parse.GetValue(rabbit);
            Uri? broker = null;
            if (brokerText is not null && !Uri.TryCreate(brokerText, UriKind.Absolute, out broker))
            {
                await Console.Error.WriteLineAsync($"--rabbitmq {brokerText} is not an absolute amqp:// address").ConfigureAwait(false);
                return 2;
            }

            var database = parse.GetValue(db);
            if (ServerRoles.Check(selected, broker is not null, database) is { } refusal)
            {
                await Console.Error.WriteLineAsync(refusal).ConfigureAwait(false);
                return 2;
            }

            if (broker is not null && selected.SetEquals([ServerRoles.Executor]))
            {
                var settings = new ExecutorRole.Settings(broker, parse.GetValue(prefix)!, parse.GetValue(target)!, parse.GetValue(concurrency), parse.GetValue(urls));
                return await ExecutorRole.RunAsync(settings, cancellationToken).ConfigureAwait(false);
            }

            string[] extra = database is null ? [.. parse.UnmatchedTokens] : [.. parse.UnmatchedTokens, $"--db={database}"];
            if (broker is not null)
            {
                var distributed = new DistributedSettings(selected, broker, parse.GetValue(prefix)!, database, parse.GetValue(target)!,
                    parse.GetValue(concurrency), parse.GetValue(nodeId)!, parse.GetValue(urls), [.. parse.UnmatchedTokens]);
                return await DistributedRoles.RunAsync(distributed, cancellationToken).ConfigureAwait(false);
            }

            // Unmatched tokens (--Key=Value) go to ASP.NET Core's command-line configuration.
            var app = SiroccoServer.Build(extra, parse.GetValue(urls));
            await app.RunAsync().ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
