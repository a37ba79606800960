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

    public ValueTask<ActionOutcome> RunAsync(ActionContext context) =>
        SshConnections.RunOnHostsAsync(Host, "std.ssh", Cmd, context, RunOnAsync);

    private async Task<string> RunOnAsync(string host, CancellationToken cancellationToken)
    {
        using var key = SshConnections.LoadKey(options, PrivateKey, PrivateKeyFilename, Password);
        using var client = new SshClient(SshConnections.Login(host, 22, Username, key, Password, options.ConnectTimeout));
        await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
        return await SshConnections.ExecuteAsync(client, Cmd, cancellationToken).ConfigureAwait(false);
    }
}
