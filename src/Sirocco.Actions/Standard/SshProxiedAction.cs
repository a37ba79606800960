using Renci.SshNet;
using Sirocco.Actions.Abstractions;
using Sirocco.Expressions.Values;

namespace Sirocco.Actions.Standard;

/// <summary>
/// std.ssh_proxied: std.ssh through a gateway. Logs in to <c>gateway_host</c> (as <c>gateway_username</c>, else
/// <c>username</c>, with the same key), has the gateway forward a connection to <c>host</c> port 22 — Mistral runs
/// <c>nc host 22</c> there; SSH's own port forwarding needs no <c>nc</c> — and runs <c>cmd</c> on <c>host</c> through
/// it. <c>proxy_command</c>, when given, is a local command that carries the connection to the gateway.
/// </summary>
[Action("std.ssh_proxied", Description = "Runs 'cmd' over SSH on 'host' (or a list of hosts) reached through 'gateway_host'.")]
internal sealed class SshProxiedAction(StandardActionOptions options) : IAction
{
    [ActionInput("cmd", Required = true)]
    public string Cmd { get; set; } = string.Empty;

    [ActionInput("host", Required = true)]
    public Value Host { get; set; } = Value.Null;

    [ActionInput("username", Required = true)]
    public string Username { get; set; } = string.Empty;

    // Required without a default in Mistral's signature too; null when the key is given as 'private_key'.
    [ActionInput("private_key_filename", Required = true)]
    public string? PrivateKeyFilename { get; set; }

    [ActionInput("gateway_host", Required = true)]
    public string GatewayHost { get; set; } = string.Empty;

    [ActionInput("gateway_username")]
    public string? GatewayUsername { get; set; }

    [ActionInput("password")]
    public string? Password { get; set; }

    [ActionInput("proxy_command")]
    public string? ProxyCommand { get; set; }

    [ActionInput("private_key")]
    public string? PrivateKey { get; set; }

    public ValueTask<ActionOutcome> RunAsync(ActionContext context) =>
        SshConnections.RunOnHostsAsync(Host, "std.ssh_proxied", Cmd, context, RunOnAsync);

    private async Task<string> RunOnAsync(string host, CancellationToken cancellationToken)
    {
        using var key = SshConnections.LoadKey(options, PrivateKey, PrivateKeyFilename, Password);
        await using var bridge = string.IsNullOrEmpty(ProxyCommand) ? null : ProxyCommandBridge.Start(ProxyCommand);
        var gatewayUser = string.IsNullOrEmpty(GatewayUsername) ? Username : GatewayUsername;
        var gatewayAddress = bridge is null ? GatewayHost : $"127.0.0.1:{bridge.Port}";
        using var gateway = new SshClient(SshConnections.Login(gatewayAddress, 22, gatewayUser, key, Password, options.ConnectTimeout));
        await gateway.ConnectAsync(cancellationToken).ConfigureAwait(false);

        var (name, port) = HostPort.Split(host, defaultPort: 22);
        using var forward = new ForwardedPortLocal("127.0.0.1", 0, name, (uint)port);
        gateway.AddForwardedPort(forward);
        forward.Start();
        using var target = new SshClient(SshConnections.Login($"127.0.0.1:{forward.BoundPort}", 22, Username, key, Password, options.ConnectTimeout));
        await target.ConnectAsync(cancellationToken).ConfigureAwait(false);
        return await SshConnections.ExecuteAsync(target, Cmd, cancellationToken).ConfigureAwait(false);
    }
}
