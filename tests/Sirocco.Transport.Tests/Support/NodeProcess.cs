using System.Diagnostics;

namespace Sirocco.Transport.Tests.Support;

/// <summary>
/// Any <c>sirocco server --roles …</c> as a real child process on a free loopback port, its output in a log
/// file; killable with SIGKILL and restartable with the same arguments (as a supervisor would).
/// </summary>
internal sealed class NodeProcess : IAsyncDisposable
{
    private readonly string _arguments;
    private readonly string _logPath;
    private Process _process;

    private NodeProcess(string arguments, string logPath, int port)
    {
        _arguments = arguments;
        _logPath = logPath;
        BaseUrl = new Uri($"http://127.0.0.1:{port}");
        _process = Launch();
    }

    public Uri BaseUrl { get; }

    public static NodeProcess Start(string arguments, string logPath) => new(arguments, logPath, FreePort.Next());

    public async Task WaitHealthyAsync(TimeSpan deadline)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await Poll.UntilAsync(
            async () =>
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"sirocco {_arguments} exited with {_process.ExitCode}; see {_logPath}");
                }

                try
                {
                    return (await http.GetAsync(new Uri(BaseUrl, "/health"))).IsSuccessStatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            },
            deadline);
    }

    /// <summary>kill -9.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>Starts the same command again (same node id, same port), appending to the same log.</summary>
    public void Restart()
    {
        _process.Dispose();
        _process = Launch();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private Process Launch()
    {
        var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"exec dotnet '{ExecutorProcess.SiroccoDll()}' server {_arguments} --urls {BaseUrl.GetLeftPart(UriPartial.Authority)} >> '{_logPath}' 2>&1 < /dev/null");
        return Process.Start(info)!;
    }
}
