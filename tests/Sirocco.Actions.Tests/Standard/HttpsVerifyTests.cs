using Sirocco.Actions.Abstractions;
using Sirocco.Actions.Tests.Support;
using Sirocco.Expressions.Values;

namespace Sirocco.Actions.Tests.Standard;

public class HttpsVerifyTests(HttpsPeer peer) : IClassFixture<HttpsPeer>
{
    private readonly Sirocco.Actions.Registry.ActionRegistry _registry = Contexts.Standard();

    private string Url => new Uri(peer.BaseUri, "/secure").ToString();

    [Fact]
    public async Task Untrusted_certificate_fails_by_default()
    {
        var error = await Assert.ThrowsAsync<ActionException>(() => _registry.RunAsync("std.http", $$"""{"url": "{{Url}}"}"""));

        Assert.StartsWith("Failed to send HTTP request: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_false_skips_the_certificate_check()
    {
        var outcome = await _registry.RunAsync("std.http", $$"""{"url": "{{Url}}", "verify": false}""");

        Assert.Equal(JsonValues.Parse("""{"secure": true}"""), ((DictValue)outcome.Value).Get("content"));
    }

    [Fact]
    public async Task Verify_with_a_CA_bundle_trusts_certificates_it_signed()
    {
        var outcome = await _registry.RunAsync("std.http", $$"""{"url": "{{Url}}", "verify": "{{peer.CaBundlePath}}"}""");

        Assert.Equal(Value.From(200), ((DictValue)outcome.Value).Get("status"));
    }
}
