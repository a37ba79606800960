using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Sirocco.Transport.Tests.Support;

/// <summary><c>sirocco server --roles executor</c> as a real child process, killable with SIGKILL.</summary>
internal sealed class ExecutorProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ExecutorProcess(Process process, int healthPort)
    {
        _process = process;
        HealthUrl = new Uri($"http://127.0.0.1:{healthPort}/health");
    }

    public Uri HealthUrl { get; }

    public static ExecutorProcess Start(Uri broker, string prefix, int concurrency, string logPath)
    {
        var port = FreePort.Next();
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(
            $"exec dotnet '{SiroccoDll()}' server --roles executor --rabbitmq '{broker}' --rabbitmq-prefix {prefix} " +
            $"--concurrency {concurrency} --urls http://127.0.0.1:{port} > '{logPath}' 2>&1 < /dev/null");
        return new ExecutorProcess(Process.Start(info)!, port);
    }

    public async Task<JsonObject> HealthAsync()
    {
        using var http = new HttpClient();
        return (await http.GetFromJsonAsync<JsonObject>(HealthUrl))!;
    }

    public async Task WaitHealthyAsync(TimeSpan deadline) =>
        await Poll.UntilAsync(
            async () =>
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"the executor process exited with {_process.ExitCode}; see its log");
                }

                try
                {
                    return (string?)(await HealthAsync())["status"] == "ok";
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            deadline);

    /// <summary>kill -9.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    // The CLI is built next to this test project by the project reference, in the same configuration.
    internal static string SiroccoDll()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Sirocco.slnx")))
        {
            root = root.Parent;
        }

        return Path.Combine(root!.FullName, "src", "Sirocco.Cli", "bin", configuration, framework, "sirocco.dll");
    }
}
