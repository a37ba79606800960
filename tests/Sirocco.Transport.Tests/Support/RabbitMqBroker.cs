using System.Diagnostics;

namespace Sirocco.Transport.Tests.Support;

/// <summary>
/// A throwaway RabbitMQ (Debian's rabbitmq-server) with its own epmd, node name, data and logs in a temp
/// directory, listening only on free loopback ports. Shared by the tests of one collection; stopped at the end.
/// </summary>
public sealed class RabbitMqBroker : IAsyncLifetime
{
    private const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(120);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sirocco-rabbit-" + Guid.NewGuid().ToString("N")[..12]);
    private Process? _epmd;
    private Process? _server;

    public int AmqpPort { get; } = FreePort.Next();

    public int DistPort { get; } = FreePort.Next();

    public int EpmdPort { get; } = FreePort.Next();

    public Uri Uri => new($"amqp://guest:guest@127.0.0.1:{AmqpPort}/");

    private static bool Installed => File.Exists(ServerScript);

    public async Task InitializeAsync()
    {
        if (!Installed)
        {
            throw new InvalidOperationException("rabbitmq-server is not installed: run scripts/install-test-deps.");
        }

        Directory.CreateDirectory(Path.Combine(_dir, "home"));
        Directory.CreateDirectory(Path.Combine(_dir, "mnesia"));
        Directory.CreateDirectory(Path.Combine(_dir, "log"));
        await File.WriteAllTextAsync(Path.Combine(_dir, "rabbitmq-env.conf"), string.Empty);
        await File.WriteAllTextAsync(Path.Combine(_dir, "enabled_plugins"), "[].\n");
        _epmd = Start("/usr/bin/epmd", $"-address 127.0.0.1 -port {EpmdPort}", "epmd.out");
        await FreePort.WaitUntilListeningAsync(EpmdPort, TimeSpan.FromSeconds(20));
        await StartAsync();
    }

    /// <summary>Starts the broker (again) and waits until it accepts AMQP connections.</summary>
    public async Task StartAsync()
    {
        _server = Start(ServerScript, string.Empty, "server.out");
        try
        {
            await FreePort.WaitUntilListeningAsync(AmqpPort, StartDeadline);
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException("RabbitMQ did not start: " + Tail("server.out"), ex);
        }
    }

    /// <summary>
    /// Stops the broker as an operator restarting it would (<c>rabbitmqctl stop</c>). Not SIGKILL: a single
    /// RabbitMQ 3.10 node killed within a second of declaring a quorum queue can come back with that queue
    /// leaderless (its Ra metadata was not yet flushed) — a broker limitation a three-node cluster avoids.
    /// </summary>
    public async Task StopAsync()
    {
        if (_server is { HasExited: false } server)
        {
            using var stop = Start("/usr/lib/rabbitmq/bin/rabbitmqctl", $"-n siroccotest{AmqpPort}@localhost stop", "stop.out");
            await stop.WaitForExitAsync();
            await server.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }

        await KillAsync();
    }

    private async Task KillAsync()
    {
        if (_server is { HasExited: false } server)
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }

        _server?.Dispose();
        _server = null;
        await Poll.UntilAsync(() => !FreePort.IsListening(AmqpPort), TimeSpan.FromSeconds(30));
    }

    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    public async Task DisposeAsync()
    {
        await KillAsync();
        if (_epmd is { HasExited: false } epmd)
        {
            epmd.Kill();
            await epmd.WaitForExitAsync();
        }

        _epmd?.Dispose();
        if (StderrLoggerFactory.FromEnvironment() is not null)
        {
            await Console.Error.WriteLineAsync($"broker files kept in {_dir}");
            return;
        }

        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private Process Start(string file, string arguments, string output)
    {
        // Through sh so the output goes to a file, not into the test runner's console.
        var info = new ProcessStartInfo("/bin/sh") { WorkingDirectory = _dir, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"exec {file} {arguments} > '{Path.Combine(_dir, output)}' 2>&1 < /dev/null");
        info.Environment["HOME"] = Path.Combine(_dir, "home");
        info.Environment["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(_dir, "rabbitmq-env.conf");
        info.Environment["RABBITMQ_NODENAME"] = $"siroccotest{AmqpPort}@localhost";
        info.Environment["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
        info.Environment["RABBITMQ_NODE_PORT"] = AmqpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["RABBITMQ_DIST_PORT"] = DistPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["ERL_EPMD_ADDRESS"] = "127.0.0.1";
        info.Environment["ERL_EPMD_PORT"] = EpmdPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(_dir, "mnesia");
        info.Environment["RABBITMQ_LOG_BASE"] = Path.Combine(_dir, "log");
        info.Environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(_dir, "enabled_plugins");
        info.Environment["RABBITMQ_CONFIG_FILE"] = Path.Combine(_dir, "rabbitmq");
        info.Environment["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(_dir, "advanced.config");
        info.Environment["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}";
        return Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
    }

    private string Tail(string output)
    {
        var path = Path.Combine(_dir, output);
        return File.Exists(path) ? string.Join('\n', File.ReadLines(path).TakeLast(20)) : "(no log)";
    }
}
