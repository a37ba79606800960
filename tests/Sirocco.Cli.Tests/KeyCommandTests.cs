using System.Net;
using Sirocco.Api;

namespace Sirocco.Cli.Tests;

public sealed class KeyCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sirocco-keys-" + Guid.NewGuid().ToString("N"));

    public KeyCommandTests() => Directory.CreateDirectory(_directory);

    private string Db => Path.Combine(_directory, "sirocco.db");

    [Fact]
    public async Task A_key_created_on_the_database_works_against_the_server_until_it_is_revoked()
    {
        var (created, key, note) = Run("create", "--db", Db, "--scope", "write", "--project", "p1", "--expires", "30d");
        var id = key.Split('_')[1];
        var (listedExit, listed, _) = Run("list", "--db", Db);

        Assert.Equal(0, created);
        Assert.Matches("^sk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$", key);
        Assert.Contains("scope write, project p1", note, StringComparison.Ordinal);
        Assert.Equal(0, listedExit);
        Assert.Matches($@"{id}\s+write\s+p1\s+\S+ \S+\s+valid", listed);
        // The secret is everything after the id: base64url, so it may itself hold or start with '_'.
        Assert.DoesNotContain(key[(key.IndexOf('_', 3) + 1)..], listed, StringComparison.Ordinal);

        await using var server = SiroccoServer.Build(["--db", Db, "--Auth:Enabled=true"], "http://127.0.0.1:0");
        await server.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(server.Urls.First()) };
        http.DefaultRequestHeaders.Add("X-Auth-Token", key);

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/v2/executions", UriKind.Relative))).StatusCode);
        Assert.Equal(0, Run("revoke", "--db", Db, id).Exit);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri("/v2/executions", UriKind.Relative))).StatusCode);
        Assert.Equal(1, Run("revoke", "--db", Db, id).Exit);
        Assert.Contains("revoked", Run("list", "--db", Db).Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_lifetime_exits_2()
    {
        var (exit, _, error) = Run("create", "--db", Db, "--expires", "soon");

        Assert.Equal(2, exit);
        Assert.Contains("Not a lifetime", error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite handle may linger; the temp folder is harmless.
        }
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.BuildRoot().Parse(["key", .. args])
            .Invoke(new System.CommandLine.InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString().Trim(), error.ToString().Trim());
    }
}
