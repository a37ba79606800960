using System.Diagnostics;
using System.Text;

namespace Sirocco.Actions.Tests.Support;

/// <summary>
/// An OpenSSH server of the tests' own, on a free loopback port, with a throwaway host key and two
/// throwaway user keys (one protected by a passphrase) authorised for the current user; public-key login only.
/// </summary>
public sealed class SshPeer : IAsyncLifetime
{
    public const string SshdPath = "/usr/sbin/sshd";
    public const string KeyPassphrase = "open sesame";

    private readonly TempDirectory _directory = new();
    private readonly StringBuilder _log = new();
    private Process? _sshd;

    public string Directory => _directory.Path;

    public int Port { get; private set; }

    public string Host => $"127.0.0.1:{Port}";

    public string UserName => Environment.UserName;

    /// <summary>Unencrypted RSA key (PEM), the kind Mistral's paramiko code reads.</summary>
    public string KeyPath => Path.Combine(Directory, "user_key");

    /// <summary>Ed25519 key in OpenSSH format, encrypted with <see cref="KeyPassphrase"/>.</summary>
    public string EncryptedKeyPath => Path.Combine(Directory, "user_key_encrypted");

    /// <summary>A key the server does not know.</summary>
    public string StrangerKeyPath => Path.Combine(Directory, "stranger_key");

    public async Task InitializeAsync()
    {
        if (!File.Exists(SshdPath) || !Environment.IsPrivilegedProcess)
        {
            return; // every test using this fixture is skipped by SshdFactAttribute
        }

        await KeygenAsync("-t", "ed25519", "-N", string.Empty, "-f", Path.Combine(Directory, "host_key"));
        await KeygenAsync("-t", "rsa", "-b", "2048", "-m", "PEM", "-N", string.Empty, "-f", KeyPath);
        await KeygenAsync("-t", "ed25519", "-N", KeyPassphrase, "-f", EncryptedKeyPath);
        await KeygenAsync("-t", "ed25519", "-N", string.Empty, "-f", StrangerKeyPath);
        await File.WriteAllTextAsync(
            Path.Combine(Directory, "authorized_keys"),
            await File.ReadAllTextAsync(KeyPath + ".pub") + await File.ReadAllTextAsync(EncryptedKeyPath + ".pub"));

        Port = FreePort.Next();
        var config = Path.Combine(Directory, "sshd_config");
        await File.WriteAllTextAsync(config, $"""
            Port {Port}
            ListenAddress 127.0.0.1
            HostKey {Path.Combine(Directory, "host_key")}
            PidFile {Path.Combine(Directory, "sshd.pid")}
            AuthorizedKeysFile {Path.Combine(Directory, "authorized_keys")}
            PubkeyAuthentication yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitRootLogin prohibit-password
            StrictModes no
            UsePAM no

            """);
        // sshd refuses to start without its privilege separation directory, which a fresh container lacks.
        System.IO.Directory.CreateDirectory("/run/sshd");
        _sshd = Start(SshdPath, "-D", "-e", "-f", config);
        try
        {
            await FreePort.WaitUntilListeningAsync(Port, TimeSpan.FromSeconds(20));
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"sshd did not start: {_log}", e);
        }
    }

    public async Task DisposeAsync()
    {
        if (_sshd is { HasExited: false })
        {
            _sshd.Kill();
            await _sshd.WaitForExitAsync();
        }

        _sshd?.Dispose();
        _directory.Dispose();
    }

    private Process Start(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info)!;
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return process;
    }

    private void Append(string? line)
    {
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private async Task KeygenAsync(params string[] arguments)
    {
        using var keygen = Start("ssh-keygen", ["-q", .. arguments]);
        await keygen.WaitForExitAsync();
        if (keygen.ExitCode != 0)
        {
            throw new InvalidOperationException($"ssh-keygen failed: {_log}");
        }
    }
}
