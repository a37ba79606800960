using Sirocco.Actions.Abstractions;
using Sirocco.Actions.Standard;
using Sirocco.Actions.Tests.Support;
using Sirocco.Expressions.Values;

namespace Sirocco.Actions.Tests.Standard;

public class SshActionTests(SshPeer sshd) : IClassFixture<SshPeer>
{
    private readonly Sirocco.Actions.Registry.ActionRegistry _registry =
        Contexts.Standard(new StandardActionOptions { SshKeyDirectory = sshd.Directory });

    [SshdFact]
    public async Task Runs_a_command_with_a_private_key_given_as_text()
    {
        var input = DictValue.From(new KeyValuePair<string, Value>[]
        {
            new("cmd", new StringValue("echo hello; echo world")),
            new("host", new StringValue(sshd.Host)),
            new("username", new StringValue(sshd.UserName)),
            new("private_key", new StringValue(await File.ReadAllTextAsync(sshd.KeyPath))),
        });

        var outcome = await _registry.Find("std.ssh")!.Create(input).RunAsync(Contexts.Context());

        Assert.Equal(new StringValue("hello\nworld\n"), outcome.Value);
    }

    [SshdFact]
    public async Task Runs_a_command_with_an_absolute_key_filename()
    {
        var outcome = await RunAsync("echo $((6 * 7))", $"\"{sshd.KeyPath}\"");

        Assert.Equal(new StringValue("42\n"), outcome.Value);
    }

    [SshdFact]
    public async Task Relative_key_filename_is_looked_up_in_the_key_directory()
    {
        var outcome = await RunAsync("printf ok", "\"user_key\"");

        Assert.Equal(new StringValue("ok"), outcome.Value);
    }

    [SshdFact]
    public async Task Password_unlocks_an_encrypted_key()
    {
        var outcome = await RunAsync("printf ok", $"\"{sshd.EncryptedKeyPath}\"", $", \"password\": \"{SshPeer.KeyPassphrase}\"");

        Assert.Equal(new StringValue("ok"), outcome.Value);
    }

    [SshdFact]
    public async Task List_of_hosts_gives_a_list_of_outputs_in_order()
    {
        var outcome = await RunAsync("printf x", $"\"{sshd.KeyPath}\"", hosts: $"[\"{sshd.Host}\", \"{sshd.Host}\"]");

        Assert.Equal(JsonValues.Parse("""["x", "x"]"""), outcome.Value);
    }

    [SshdFact]
    public async Task Non_zero_exit_status_fails_with_Mistral_message()
    {
        var error = await Assert.ThrowsAsync<ActionException>(() => RunAsync("echo out; exit 3", $"\"{sshd.KeyPath}\""));

        Assert.Equal($"Failed to execute ssh cmd 'echo out; exit 3' on {sshd.Host}", error.Message);
    }

    [SshdFact]
    public async Task Unknown_key_is_refused()
    {
        var error = await Assert.ThrowsAsync<ActionException>(() => RunAsync("true", $"\"{sshd.StrangerKeyPath}\""));

        Assert.Equal($"Failed to execute ssh cmd 'true' on {sshd.Host}", error.Message);
    }

    [SshdFact]
    public async Task Key_filename_climbing_out_of_the_key_directory_is_refused()
    {
        await Assert.ThrowsAsync<ActionException>(() => RunAsync("true", "\"../etc/key\""));
    }

    private Task<ActionOutcome> RunAsync(string cmd, string keyFilename, string extra = "", string? hosts = null) =>
        _registry.RunAsync("std.ssh", $$"""
            {"cmd": "{{cmd}}", "host": {{hosts ?? $"\"{sshd.Host}\""}}, "username": "{{sshd.UserName}}",
             "private_key_filename": {{keyFilename}}{{extra}}}
            """);
}
