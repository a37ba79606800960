using Sirocco.Actions.Abstractions;
using Sirocco.Actions.Standard;
using Sirocco.Actions.Tests.Support;
using Sirocco.Expressions.Values;

namespace Sirocco.Actions.Tests.Standard;

/// <summary>std.ssh_proxied against the loopback sshd, which serves as both the gateway and the target host.</summary>
public class SshProxiedActionTests(SshPeer sshd) : IClassFixture<SshPeer>
{
    private readonly Sirocco.Actions.Registry.ActionRegistry _registry =
        Contexts.Standard(new StandardActionOptions { SshKeyDirectory = sshd.Directory });

    [SshdFact]
    public async Task Runs_a_command_on_the_host_through_the_gateway()
    {
        var outcome = await RunAsync("echo $((6 * 7))", $"\"{sshd.KeyPath}\"");

        Assert.Equal(new StringValue("42\n"), outcome.Value);
    }

    [SshdFact]
    public async Task The_gateway_login_may_name_its_own_user_and_the_key_may_be_text()
    {
        var key = System.Text.Json.JsonSerializer.Serialize(await File.ReadAllTextAsync(sshd.KeyPath));
        var outcome = await RunAsync("printf ok", "null", $", \"gateway_username\": \"{sshd.UserName}\", \"private_key\": {key}");

        Assert.Equal(new StringValue("ok"), outcome.Value);
    }

    [SshdFact]
    public async Task A_proxy_command_carries_the_connection_to_the_gateway()
    {
        var outcome = await RunAsync("printf proxied", "\"user_key\"", $", \"proxy_command\": \"socat - TCP:127.0.0.1:{sshd.Port}\"");

        Assert.Equal(new StringValue("proxied"), outcome.Value);
    }

    [SshdFact]
    public async Task A_list_of_hosts_behind_the_gateway_gives_a_list_of_outputs()
    {
        var outcome = await RunAsync("printf x", $"\"{sshd.KeyPath}\"", hosts: $"[\"{sshd.Host}\", \"{sshd.Host}\"]");

        Assert.Equal(JsonValues.Parse("""["x", "x"]"""), outcome.Value);
    }

    [SshdFact]
    public async Task A_gateway_that_refuses_the_key_fails_with_Mistrals_message()
    {
        var error = await Assert.ThrowsAsync<ActionException>(() => RunAsync("true", $"\"{sshd.StrangerKeyPath}\""));

        Assert.Equal($"Failed to execute ssh cmd 'true' on {sshd.Host}", error.Message);
    }

    [SshdFact]
    public async Task A_host_the_gateway_cannot_reach_fails_with_Mistrals_message()
    {
        var closed = FreePort.Next();

        var error = await Assert.ThrowsAsync<ActionException>(() => RunAsync("true", $"\"{sshd.KeyPath}\"", hosts: $"\"127.0.0.1:{closed}\""));

        Assert.Equal($"Failed to execute ssh cmd 'true' on 127.0.0.1:{closed}", error.Message);
    }

    private Task<ActionOutcome> RunAsync(string cmd, string keyFilename, string extra = "", string? hosts = null) =>
        _registry.RunAsync("std.ssh_proxied", $$"""
            {"cmd": "{{cmd}}", "host": {{hosts ?? $"\"{sshd.Host}\""}}, "username": "{{sshd.UserName}}",
             "private_key_filename": {{keyFilename}}, "gateway_host": "{{sshd.Host}}"{{extra}}}
            """);
}
