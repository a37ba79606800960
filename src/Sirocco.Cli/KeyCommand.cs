using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Sirocco.Api.Auth;

namespace Sirocco.Cli;

/// <summary>
/// <c>sirocco key create|list|revoke</c>: manages API keys in the server's database directly (<c>--db</c>, the
/// same setting as <c>sirocco server</c>), so the first admin key needs database access, not a key. The key
/// itself is printed once, by <c>create</c>; only its hash is stored.
/// </summary>
internal static class KeyCommand
{
    public static Command Create()
    {
        var command = new Command("key", "Manage API keys in the server's database (auth: --Auth:Enabled=true).");
        command.Subcommands.Add(CreateKey());
        command.Subcommands.Add(ListKeys());
        command.Subcommands.Add(RevokeKey());
        return command;
    }

    private static Option<string> Db() => new("--db") { Description = "SQLite file or PostgreSQL connection string of the server.", DefaultValueFactory = _ => "sirocco.db" };

    private static Command CreateKey()
    {
        var db = Db();
        var scope = new Option<ApiKeyScope>("--scope") { Description = "read (GET only), write (also changes) or admin (also key management).", DefaultValueFactory = _ => ApiKeyScope.Read };
        var project = new Option<string>("--project") { Description = "Project (Mistral project_id) the key sees and creates resources in.", DefaultValueFactory = _ => "<default-project>" };
        var expires = new Option<string?>("--expires") { Description = "Lifetime: 30d, 12h, 45m or d.hh:mm:ss (default: never expires)." };
        var description = new Option<string?>("--description") { Description = "Free text shown by 'key list'." };
        var command = new Command("create", "Create an API key and print it (it is shown only this once).") { db, scope, project, expires, description };
        command.SetAction(async (parse, cancel) =>
        {
            var output = parse.InvocationConfiguration.Output;
            TimeSpan? lifetime;
            try
            {
                lifetime = parse.GetValue(expires) is { } text ? ApiKeyAdmin.ParseLifetime(text) : null;
            }
            catch (FormatException error)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync(error.Message).ConfigureAwait(false);
                return 2;
            }

            var (key, stored) = await Admin(parse.GetValue(db)!).CreateAsync(parse.GetValue(scope), parse.GetValue(project)!, lifetime, parse.GetValue(description), cancel).ConfigureAwait(false);
            await output.WriteLineAsync(key).ConfigureAwait(false);
            await parse.InvocationConfiguration.Error.WriteLineAsync(
                $"id {stored.Id}, scope {Text(stored.Scope)}, project {stored.ProjectId}, expires {stored.ExpiresAt?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "never"}. Store the key now: only its hash is kept.").ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static Command ListKeys()
    {
        var db = Db();
        var command = new Command("list", "List API keys (ids, scopes, projects, validity; never the keys).") { db };
        command.SetAction(async (parse, cancel) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var now = DateTimeOffset.UtcNow;
            await output.WriteLineAsync("ID                SCOPE  PROJECT              EXPIRES               STATE").ConfigureAwait(false);
            foreach (var key in await Admin(parse.GetValue(db)!).ListAsync(cancel).ConfigureAwait(false))
            {
                var state = key.RevokedAt is not null ? "revoked" : key.IsValidAt(now) ? "valid" : "expired";
                var expires = key.ExpiresAt?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "never";
                await output.WriteLineAsync($"{key.Id,-17} {Text(key.Scope),-6} {key.ProjectId,-20} {expires,-21} {state}").ConfigureAwait(false);
            }

            return 0;
        });
        return command;
    }

    private static Command RevokeKey()
    {
        var db = Db();
        var id = new Argument<string>("ID") { Description = "The key's id (the 16 hex digits after sk_)." };
        var command = new Command("revoke", "Revoke an API key at once.") { db, id };
        command.SetAction(async (parse, cancel) =>
        {
            if (await Admin(parse.GetValue(db)!).RevokeAsync(parse.GetValue(id)!, cancel).ConfigureAwait(false))
            {
                await parse.InvocationConfiguration.Output.WriteLineAsync($"Revoked {parse.GetValue(id)}.").ConfigureAwait(false);
                return 0;
            }

            await parse.InvocationConfiguration.Error.WriteLineAsync($"No valid key with id {parse.GetValue(id)}.").ConfigureAwait(false);
            return 1;
        });
        return command;
    }

    private static ApiKeyAdmin Admin(string db) =>
        ApiKeyAdmin.Open(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["db"] = db }).Build());

    private static string Text(ApiKeyScope scope) => scope.ToString().ToLowerInvariant();
}
