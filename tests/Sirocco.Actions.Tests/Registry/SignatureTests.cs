using Sirocco.Actions.Tests.Support;

namespace Sirocco.Actions.Tests.Registry;

public class SignatureTests
{
    [Theory]
    [InlineData("std.noop", "")]
    [InlineData("std.async_noop", "")]
    [InlineData("std.echo", "output, delay=0")]
    [InlineData("std.fail", "error_data=null")]
    [InlineData("std.sleep", "seconds=1")]
    [InlineData("std.test_dict", "size=0, key_prefix=\"\", val=\"\"")]
    [InlineData("std.http", "url, method=\"GET\", params=null, body=null, json=null, headers=null, cookies=null, auth=null, timeout=null, allow_redirects=null, proxies=null, verify=null")]
    [InlineData("std.mistral_http", "url, method=\"GET\", params=null, body=null, json=null, headers=null, cookies=null, auth=null, timeout=null, allow_redirects=null, proxies=null, verify=null")]
    [InlineData("std.javascript", "script, context=null")]
    [InlineData("std.js", "script, context=null")]
    [InlineData("std.ssh", "cmd, host, username, password=\"\", private_key_filename=null, private_key=null")]
    [InlineData("std.ssh_proxied", "cmd, host, username, private_key_filename, gateway_host, gateway_username=null, password=null, proxy_command=null, private_key=null")]
    [InlineData("std.email", "from_addr, to_addrs, smtp_server, reply_to=null, cc_addrs=null, bcc_addrs=null, smtp_password=null, subject=null, body=null, html_body=null")]
    public void Standard_action_signature_reads_as_in_Mistral(string name, string signature)
    {
        var descriptor = Contexts.Standard().Find(name);

        Assert.NotNull(descriptor);
        Assert.Equal(signature, descriptor.Signature);
    }

    [Fact]
    public void Registry_lists_every_standard_action_of_Mistral_15_except_the_proxied_ssh()
    {
        var names = Contexts.Standard().Actions.Select(a => a.Name);

        Assert.Equal(
            ["std.async_noop", "std.echo", "std.email", "std.fail", "std.http", "std.javascript", "std.js", "std.mistral_http", "std.noop", "std.sleep", "std.ssh", "std.ssh_proxied", "std.test_dict"],
            names);
    }

    [Fact]
    public void Register_type_without_action_attribute_is_refused()
    {
        var registry = new Sirocco.Actions.Registry.ActionRegistry();

        var error = Assert.Throws<ArgumentException>(() => registry.Register(typeof(Undeclared)));

        Assert.Contains("[ActionAttribute]", error.Message, StringComparison.Ordinal);
    }

    private sealed class Undeclared : Sirocco.Actions.Abstractions.IAction
    {
        public ValueTask<Sirocco.Actions.Abstractions.ActionOutcome> RunAsync(Sirocco.Actions.Abstractions.ActionContext context) =>
            throw new NotSupportedException();
    }
}
