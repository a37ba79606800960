using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Sirocco.Bench;

/// <summary>
/// A Sirocco server this harness starts: <c>./sirocco server</c> in a fresh temporary folder, so its
/// <c>sirocco.db</c> (default SQLite, every acknowledged write synced) lands there and can be measured; stopped and
/// removed on dispose.
/// </summary>
internal sealed class SiroccoProcess : IDisposable
{
    private readonly Process _process;
    private readonly DirectoryInfo _folder;

    private SiroccoProcess(Process process, DirectoryInfo folder, string baseUrl)
    {
        _process = process;
        _folder = folder;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public int ProcessId => _process.Id;

    public string DatabasePath => Path.Combine(_folder.FullName, "sirocco.db");

    /// <param name="cliDll">A built <c>sirocco.dll</c> to run instead of the repository's <c>./sirocco</c> script.</param>
    public static async Task<SiroccoProcess> StartAsync(string? cliDll, TimeSpan startTimeout, CancellationToken cancel)
    {
        var port = FreePort();
        var folder = Directory.CreateTempSubdirectory("sirocco-bench-");
        var info = new ProcessStartInfo(cliDll is null ? Path.Combine(RepositoryRoot(), "sirocco") : "dotnet")
        {
            WorkingDirectory = folder.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (cliDll is not null)
        {
            info.ArgumentList.Add(Path.GetFullPath(cliDll));
        }

        foreach (var argument in new[] { "server", "--urls", $"http://127.0.0.1:{port}" })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start ./sirocco");
        var log = new StreamWriter(Path.Combine(folder.FullName, "server.log")) { AutoFlush = true };
        process.OutputDataReceived += (_, line) => Write(log, line.Data);
        process.ErrorDataReceived += (_, line) => Write(log, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new SiroccoProcess(process, folder, $"http://127.0.0.1:{port}/v2");
        await server.WaitHealthyAsync(startTimeout, cancel);
        return server;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // The log may still be held open for a moment; the OS cleans temp folders.
        }
    }

    private async Task WaitHealthyAsync(TimeSpan startTimeout, CancellationToken cancel)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + startTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"sirocco server exited with {_process.ExitCode}; see {_folder.FullName}/server.log");
            }

            try
            {
                using var answer = await http.GetAsync(new Uri(BaseUrl[..^3] + "/health"), cancel);
                if (answer.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet (it builds on first use).
            }
            catch (TaskCanceledException) when (!cancel.IsCancellationRequested)
            {
                // Slow answer on a loaded machine: try again.
            }

            await Task.Delay(200, cancel);
        }

        throw new TimeoutException($"sirocco server not healthy after {startTimeout.TotalSeconds:0} s");
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Sirocco.slnx")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException("Sirocco.slnx not found above " + AppContext.BaseDirectory + " nor the current directory");
    }
}
