using Renci.SshNet;
using Sirocco.Actions.Abstractions;
using Sirocco.Expressions.Values;

namespace Sirocco.Actions.Standard;

/// <summary>
/// std.ssh: runs <c>cmd</c> on one host (output: its standard output) or a list of hosts (output: a list
/// in the same order). A non-zero exit status fails the action. <c>host</c> may carry a port: <c>host:2222</c>.
/// </summary>
[Action("std.ssh", Description = "Runs 'cmd' over SSH on 'host' (or a list of hosts); outputs the standard output.")]
internal sealed class SshAction(StandardActionOptions options) : IAction
{
    [ActionInput("cmd", Required = true)]
    public string Cmd { get; set; } = string.Empty;

    [ActionInput("host", Required = true)]
    public Value Host { get; set; } = Value.Null;

    [ActionInput("username", Required = true)]
    public string Username { get; set; } = string.Empty;

    [ActionInput("password")]
    public string? Password { get; set; } = string.Empty;

    [ActionInput("private_key_filename")]
    public string? PrivateKeyFilename { get; set; }

    [ActionInput("private_key")]
    public string? PrivateKey { get; set; }

    public async ValueTask<ActionOutcome> RunAsync(ActionContext context)
    {
        var hosts = Host switch
        {
            StringValue s => [s.Value],
            ListValue list when list.All(h => h is StringValue) => list.Select(h => ((StringValue)h).Value).ToList(),
            _ => throw new ActionException("std.ssh: 'host' must be a host name or a list of host names"),
        };
        var results = new List<Value>();
        foreach (var host in hosts)
        {
            try
            {
                results.Add(new StringValue(await RunOnAsync(host, context.CancellationToken).ConfigureAwait(false)));
            }
            catch (Exception e) when (e is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
            {
                // Mistral hides the cause from the result (it may leak details to API clients) and logs it instead.
                context.Logger.LogSshFailure(e, Cmd, host);
                throw new ActionException($"Failed to execute ssh cmd '{Cmd}' on {HostText()}");
            }
        }

        return ActionOutcome.Success(results.Count == 1 && Host is StringValue ? results[0] : new ListValue(results));
    }

    private async Task<string> RunOnAsync(string host, CancellationToken cancellationToken)
    {
        var (name, port) = HostPort.Split(host, defaultPort: 22);
        var methods = new List<AuthenticationMethod>();
        using var key = LoadKey();
        if (key is not null)
        {
            methods.Add(new PrivateKeyAuthenticationMethod(Username, key));
        }

        if (!string.IsNullOrEmpty(Password))
        {
            methods.Add(new PasswordAuthenticationMethod(Username, Password));
        }

        if (methods.Count == 0)
        {
            methods.Add(new NoneAuthenticationMethod(Username));
        }

        var connection = new ConnectionInfo(name, port, Username, [.. methods]) { Timeout = options.ConnectTimeout };
        // Like Mistral (paramiko's AutoAddPolicy), any host key is accepted.
        using var client = new SshClient(connection);
        await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
        using var command = client.CreateCommand(Cmd);
        await command.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        if (command.ExitStatus is { } status && status != 0)
        {
            throw new ActionException($"Cmd: {Cmd}\nReturn code: {status}\nstdout: {command.Result}");
        }

        return command.Result;
    }

    private PrivateKeyFile? LoadKey()
    {
        var passphrase = string.IsNullOrEmpty(Password) ? null : Password;
        if (!string.IsNullOrEmpty(PrivateKey))
        {
            return new PrivateKeyFile(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(PrivateKey)), passphrase);
        }

        if (string.IsNullOrEmpty(PrivateKeyFilename))
        {
            return null;
        }

        if (PrivateKeyFilename.Contains("../", StringComparison.Ordinal) || PrivateKeyFilename.Contains("..\\", StringComparison.Ordinal))
        {
            throw new ActionException($"Private key filename must not contain '..'. Actual: {PrivateKeyFilename}");
        }

        var path = Path.IsPathRooted(PrivateKeyFilename) ? PrivateKeyFilename : Path.Combine(options.SshKeyDirectory, PrivateKeyFilename);
        return new PrivateKeyFile(path, passphrase);
    }

    private string HostText() => Host is StringValue s ? s.Value : Host.ToRepr();
}
