using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Sirocco.Api.Tests.Infrastructure;

/// <summary>
/// Runs the real <c>mistral</c> command-line client (Debian <c>python3-mistralclient</c>, installed by
/// <c>scripts/install-test-deps</c>) against a server, without Keystone: only <c>--os-mistral-url</c>.
/// </summary>
public sealed class MistralCli(string baseUrl, string workDirectory)
{
    public const string Executable = "/usr/bin/mistral";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public List<string> Transcript { get; } = [];

    /// <summary>Runs a command; fails the test with the client's output when it exits non-zero.</summary>
    public async Task<string> RunAsync(params string[] args)
    {
        var (code, output, error) = await RunRawAsync(args);
        Assert.True(code == 0, $"mistral {string.Join(' ', args)} exited {code}\nstdout: {output}\nstderr: {error}");
        return output;
    }

    /// <summary>Runs a command with <c>-f json</c> and parses what it prints.</summary>
    public async Task<JsonNode> JsonAsync(params string[] args) => JsonNode.Parse(await RunAsync([.. args, "-f", "json"]))!;

    public async Task<(int Code, string Output, string Error)> RunRawAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workDirectory,
        };
        start.ArgumentList.Add("--os-mistral-url");
        start.ArgumentList.Add(baseUrl.TrimEnd('/') + "/v2");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The client would try Keystone if any OS_* variable pointed it there.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("OS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(Timeout);
        await process.WaitForExitAsync(cancel.Token);
        Transcript.Add($"$ mistral {string.Join(' ', args)}\n{await output}{await error}");
        return (process.ExitCode, await output, await error);
    }
}
