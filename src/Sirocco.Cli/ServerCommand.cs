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
        var command = new Command("server", "Run the Sirocco service (REST API, engine, action runners and scheduler in one process, or the roles given).")
        {
            urls, roles, rabbit, prefix, target, concurrency,
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

            if (selected.SetEquals([ServerRoles.Executor]))
            {
                if (!Uri.TryCreate(parse.GetValue(rabbit), UriKind.Absolute, out var broker))
                {
                    await Console.Error.WriteLineAsync("the executor role needs --rabbitmq amqp://user:password@host:5672/").ConfigureAwait(false);
                    return 2;
                }

                var settings = new ExecutorRole.Settings(broker, parse.GetValue(prefix)!, parse.GetValue(target)!, parse.GetValue(concurrency), parse.GetValue(urls));
                return await ExecutorRole.RunAsync(settings, cancellationToken).ConfigureAwait(false);
            }

            if (selected.Count != ServerRoles.All.Count)
            {
                // Issue 11: api/engine/scheduler in separate processes need the API wired to the durable runtime.
                await Console.Error.WriteLineAsync($"--roles {string.Join(",", selected)} is not supported yet: run all roles, or executor alone").ConfigureAwait(false);
                return 2;
            }

            // Unmatched tokens (--Key=Value) go to ASP.NET Core's command-line configuration.
            var app = SiroccoServer.Build([.. parse.UnmatchedTokens], parse.GetValue(urls));
            await app.RunAsync().ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
