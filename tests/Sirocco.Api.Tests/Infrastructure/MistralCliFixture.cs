using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Sirocco.Api.Tests.Infrastructure;

/// <summary>
/// One running Sirocco server (real Kestrel and SQLite, the fake runtime) and the real <c>mistral</c> client
/// pointed at it, per test; the client's transcript goes to the test output.
/// </summary>
public abstract class MistralCliFixture(ITestOutputHelper output) : IAsyncLifetime
{
    private protected ApiHost _api = null!;
    private protected MistralCli _cli = null!;
    private protected string _files = "";

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(MistralCli.Executable), "The mistral client is missing: run scripts/install-test-deps (installs python3-mistralclient).");
        _api = await ApiHost.StartAsync(withRuntime: true);
        _files = Path.Combine(Path.GetTempPath(), "sirocco-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_files);
        _cli = new MistralCli(_api.BaseUrl, _files);
    }

    public async Task DisposeAsync()
    {
        foreach (var entry in _cli.Transcript)
        {
            output.WriteLine(entry);
        }

        await _api.DisposeAsync();
        Directory.Delete(_files, recursive: true);
    }

    private protected string WriteFile(string name, string text)
    {
        var path = Path.Combine(_files, name);
        File.WriteAllText(path, text);
        return path;
    }

    private protected static string? Field(JsonNode table, string name) => table[name]?.ToString();

}
