using Renci.SshNet;
using Sirocco.Actions.Abstractions;
using Sirocco.Expressions.Values;

namespace Sirocco.Actions.Standard;

/// <summary>What std.ssh and std.ssh_proxied share: the host list, key loading, logins, running one command.</summary>
internal static class SshConnections
{
    /// <summary>The hosts of <c>host</c>: one name, or a list of names.</summary>
    public static List<string> Hosts(Value host, string action) => host switch
    {
        StringValue s => [s.Value],
        ListValue list when list.All(h => h is StringValue) => list.Select(h => ((StringValue)h).Value).ToList(),
        _ => throw new ActionException($"{action}: 'host' must be a host name or a list of host names"),
    };

    /// <summary>
    /// Runs <paramref name="runOn"/> on every host of <c>host</c>: one host answers its output, a list a list in the
    /// same order. A failure is logged and the action fails without its cause, as in Mistral (the cause may leak
    /// details of the target to API clients).
    /// </summary>
    public static async ValueTask<ActionOutcome> RunOnHostsAsync(
        Value host, string action, string cmd, ActionContext context, Func<string, CancellationToken, Task<string>> runOn)
    {
        var results = new List<Value>();
        foreach (var name in Hosts(host, action))
        {
            try
            {
                results.Add(new StringValue(await runOn(name, context.CancellationToken).ConfigureAwait(false)));
            }
            catch (Exception e) when (e is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
            {
                context.Logger.LogSshFailure(e, cmd, name);
                throw new ActionException($"Failed to execute ssh cmd '{cmd}' on {(host is StringValue s ? s.Value : host.ToRepr())}");
            }
        }

        return ActionOutcome.Success(results.Count == 1 && host is StringValue ? results[0] : new ListValue(results));
    }

    /// <summary>
    /// A login to <paramref name="host"/> (<c>name</c> or <c>name:port</c>) with the key, then the password, then
    /// nothing — whichever the server accepts. Like Mistral (paramiko's AutoAddPolicy), any host key is accepted.
    /// </summary>
    public static ConnectionInfo Login(string host, int defaultPort, string username, PrivateKeyFile? key, string? password, TimeSpan timeout)
    {
        var (name, port) = HostPort.Split(host, defaultPort);
        var methods = new List<AuthenticationMethod>();
        if (key is not null)
        {
            methods.Add(new PrivateKeyAuthenticationMethod(username, key));
        }

        if (!string.IsNullOrEmpty(password))
        {
            methods.Add(new PasswordAuthenticationMethod(username, password));
        }

        if (methods.Count == 0)
        {
            methods.Add(new NoneAuthenticationMethod(username));
        }

        return new ConnectionInfo(name, port, username, [.. methods]) { Timeout = timeout };
    }

    /// <summary>Mistral's key rules: key text first, else a file (relative to the key directory, no <c>..</c>); <c>password</c> is the passphrase.</summary>
    public static PrivateKeyFile? LoadKey(StandardActionOptions options, string? privateKey, string? privateKeyFilename, string? password)
    {
        var passphrase = string.IsNullOrEmpty(password) ? null : password;
        if (!string.IsNullOrEmpty(privateKey))
        {
            return new PrivateKeyFile(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(privateKey)), passphrase);
        }

        if (string.IsNullOrEmpty(privateKeyFilename))
        {
            return null;
        }

        if (privateKeyFilename.Contains("../", StringComparison.Ordinal) || privateKeyFilename.Contains("..\\", StringComparison.Ordinal))
        {
            throw new ActionException($"Private key filename must not contain '..'. Actual: {privateKeyFilename}");
        }

        var path = Path.IsPathRooted(privateKeyFilename) ? privateKeyFilename : Path.Combine(options.SshKeyDirectory, privateKeyFilename);
        return new PrivateKeyFile(path, passphrase);
    }

    /// <summary>Runs <paramref name="cmd"/>; its standard output, or an exception for a non-zero exit status.</summary>
    public static async Task<string> ExecuteAsync(SshClient client, string cmd, CancellationToken cancellationToken)
    {
        using var command = client.CreateCommand(cmd);
        await command.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        if (command.ExitStatus is { } status && status != 0)
        {
            throw new ActionException($"Cmd: {cmd}\nReturn code: {status}\nstdout: {command.Result}");
        }

        return command.Result;
    }
}
