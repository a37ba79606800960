using System.CommandLine;

namespace Sirocco.Cli.Client;

/// <summary>
/// The options every client command takes, added once per command group as recursive options:
/// <c>--url</c> (or <c>SIROCCO_URL</c>, default the server's default address), <c>--api-key</c>
/// (or <c>SIROCCO_API_KEY</c>) and <c>--json</c>.
/// </summary>
internal sealed class ClientOptions
{
    public Option<string?> Url { get; } = new("--url") { Description = "Server URL (default: $SIROCCO_URL, else http://127.0.0.1:8989).", Recursive = true };

    public Option<string?> ApiKey { get; } = new("--api-key") { Description = "API key sent as X-Auth-Token (default: $SIROCCO_API_KEY).", Recursive = true };

    public Option<bool> Json { get; } = new("--json") { Description = "Print the server's JSON instead of a table.", Recursive = true };

    public void AddTo(Command group)
    {
        group.Options.Add(Url);
        group.Options.Add(ApiKey);
        group.Options.Add(Json);
    }

    public SiroccoClient Connect(ParseResult parse) => new(
        parse.GetValue(Url) ?? Environment.GetEnvironmentVariable("SIROCCO_URL") ?? Sirocco.Api.SiroccoServer.DefaultUrl,
        parse.GetValue(ApiKey) ?? Environment.GetEnvironmentVariable("SIROCCO_API_KEY"));

    /// <summary>Runs a client action with the shared error handling: a refusal prints the server's message and exits 1.</summary>
    public void SetAction(Command command, Func<ParseResult, SiroccoClient, Output, CancellationToken, Task<int>> action) =>
        command.SetAction(async (parse, cancel) =>
        {
            var output = new Output(parse.InvocationConfiguration.Output, parse.GetValue(Json));
            try
            {
                using var client = Connect(parse);
                return await action(parse, client, output, cancel).ConfigureAwait(false);
            }
            catch (ClientException e)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
                return 1;
            }
        });
}
