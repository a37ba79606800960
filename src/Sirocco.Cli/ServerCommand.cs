using System.CommandLine;
using Sirocco.Api;

namespace Sirocco.Cli;

/// <summary><c>sirocco server</c>: runs the service with every role in one process.</summary>
internal static class ServerCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls")
        {
            Description = $"Addresses to listen on, separated by ';' (default {SiroccoServer.DefaultUrl}, or the 'urls' configuration).",
        };
        var command = new Command("server", "Run the Sirocco service (REST API, engine, action runners and scheduler in one process).")
        {
            urls,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parse =>
        {
            // Unmatched tokens (--Key=Value) go to ASP.NET Core's command-line configuration.
            var app = SiroccoServer.Build([.. parse.UnmatchedTokens], parse.GetValue(urls));
            app.Run();
            return 0;
        });
        return command;
    }
}
