using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Sirocco.Bench.Persistence;

/// <summary>A PostgreSQL cluster in a temp dir on a free loopback port, for one benchmark run (as the tests do).</summary>
internal sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sirocco-bench-pg-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _binaries;

    private ThrowawayPostgres(string binaries, int port)
    {
        _binaries = binaries;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres";

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var binaries = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Order().LastOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL not found under /usr/lib/postgresql/*/bin; run scripts/install-test-deps");
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var cluster = new ThrowawayPostgres(binaries, port);
        Directory.CreateDirectory(cluster._directory);
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", "postgres:postgres " + cluster._directory);
        }

        var data = Path.Combine(cluster._directory, "data");
        await cluster.RunAsPostgresAsync("initdb", $"-D {data} -U postgres --auth=trust -E UTF8 --no-instructions");
        await cluster.RunAsPostgresAsync("pg_ctl", $"-D {data} -l {Path.Combine(cluster._directory, "log")} -o \"-p {port} -k {cluster._directory} -c listen_addresses=127.0.0.1 -c max_connections=200\" -w start");
        return cluster;
    }

    public async ValueTask DisposeAsync()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        await RunAsPostgresAsync("pg_ctl", $"-D {Path.Combine(_directory, "data")} -m immediate -w stop");
        Directory.Delete(_directory, recursive: true);
    }

    private Task RunAsPostgresAsync(string tool, string arguments)
    {
        var program = Path.Combine(_binaries, tool);
        return Environment.UserName == "root" ? RunAsync("runuser", $"-u postgres -- {program} {arguments}") : RunAsync(program, arguments);
    }

    private static async Task RunAsync(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/tmp" })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {arguments}: {await output}{await error}");
        }
    }
}
