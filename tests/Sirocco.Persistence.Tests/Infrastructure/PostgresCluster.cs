using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Sirocco.Persistence.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster for one test run: initdb into a temp dir, pg_ctl start on a free
/// loopback port, stopped and deleted at the end. initdb refuses to run as root, so as root the
/// cluster is owned by and run as the Debian <c>postgres</c> system user.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sirocco-pg-" + Guid.NewGuid().ToString("N")[..8]);
    private string _binaries = "";
    private int _databaseCounter;

    /// <summary>TCP port of the running server.</summary>
    public int Port { get; private set; }

    /// <summary>Connection string of the <c>postgres</c> maintenance database.</summary>
    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false";

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "t" + Interlocked.Increment(ref _databaseCounter).ToString(CultureInfo.InvariantCulture) + "_" + Guid.NewGuid().ToString("N")[..6];
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name}";
    }

    public async Task InitializeAsync()
    {
        _binaries = FindBinaries();
        Port = FreePort();
        Directory.CreateDirectory(_directory);
        var data = Path.Combine(_directory, "data");
        if (IsRoot())
        {
            await RunAsync("chown", "postgres:postgres " + _directory);
        }

        await RunAsPostgresAsync(Path.Combine(_binaries, "initdb"), $"-D {data} -U postgres --auth=trust -E UTF8 --no-instructions");
        var options = $"-p {Port} -k {_directory} -c listen_addresses=127.0.0.1 -c max_connections=200";
        await RunAsPostgresAsync(Path.Combine(_binaries, "pg_ctl"), $"-D {data} -l {Path.Combine(_directory, "log")} -o \"{options}\" -w start");
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsPostgresAsync(Path.Combine(_binaries, "pg_ctl"), $"-D {Path.Combine(_directory, "data")} -m immediate -w stop");
        }
        finally
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static string FindBinaries()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).ToList()
            : [];
        return candidates.OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).FirstOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL not found under /usr/lib/postgresql/*/bin; run scripts/install-test-deps");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsRoot() => Environment.UserName == "root";

    private static Task RunAsPostgresAsync(string program, string arguments) =>
        IsRoot() ? RunAsync("runuser", $"-u postgres -- {program} {arguments}") : RunAsync(program, arguments);

    private static async Task RunAsync(string program, string arguments)
    {
        var info = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/tmp" };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {arguments} failed ({process.ExitCode}): {await stdout}{await stderr}");
        }
    }
}
