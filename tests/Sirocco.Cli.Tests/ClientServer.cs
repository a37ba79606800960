using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Sirocco.Api;

namespace Sirocco.Cli.Tests;

/// <summary>A real Sirocco server (durable runtime, SQLite in a temp folder) on 127.0.0.1 with a free port, and a way to run client commands at it.</summary>
public sealed class ClientServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;

    private ClientServer(WebApplication app, string directory)
    {
        _app = app;
        _directory = directory;
        Url = app.Urls.First();
    }

    public string Url { get; }

    public static async Task<ClientServer> StartAsync(params string[] args)
    {
        var directory = Directory.CreateTempSubdirectory("sirocco-client-").FullName;
        var app = SiroccoServer.Build(["--db", Path.Combine(directory, "sirocco.db"), .. args], "http://127.0.0.1:0");
        await app.StartAsync();
        return new ClientServer(app, directory);
    }

    /// <summary>Runs <c>sirocco ARGS --url URL</c> in this process.</summary>
    public async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApp.BuildRoot().Parse([.. args, "--url", Url], CliApp.Parsing)
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        // DisposeAsync stops the host; StopAsync first would dispose the durable runtime twice.
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold the file a moment longer; a temp folder left behind is harmless.
        }
    }
}
