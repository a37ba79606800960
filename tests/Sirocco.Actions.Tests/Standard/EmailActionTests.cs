using System.Text;
using MimeKit;
using Sirocco.Actions.Abstractions;
using Sirocco.Actions.Tests.Support;
using Sirocco.Expressions.Values;

namespace Sirocco.Actions.Tests.Standard;

public class EmailActionTests(SmtpPeer smtp) : IClassFixture<SmtpPeer>
{
    private readonly Sirocco.Actions.Registry.ActionRegistry _registry = Contexts.Standard();

    [Fact]
    public async Task Sends_a_text_message_to_every_recipient()
    {
        var outcome = await _registry.RunAsync("std.email", $$"""
            {"from_addr": "wf@example.org", "to_addrs": ["a@example.org", "b@example.org"], "cc_addrs": ["c@example.org"],
             "bcc_addrs": ["d@example.org"], "reply_to": ["r@example.org"], "smtp_server": "127.0.0.1:{{smtp.Port}}",
             "subject": "Report ✓", "body": "All done."}
            """);

        Assert.True(outcome.IsSuccess);
        Assert.Equal(Value.Null, outcome.Value);
        var (envelope, message) = await NextAsync();
        Assert.Equal("wf@example.org", envelope.From);
        Assert.Equal(["a@example.org", "b@example.org", "c@example.org", "d@example.org"], envelope.Recipients.Order());
        Assert.Equal("Report ✓", message.Subject);
        Assert.Equal(["a@example.org", "b@example.org"], message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal(["c@example.org"], message.Cc.Mailboxes.Select(m => m.Address));
        Assert.Empty(message.Bcc);
        Assert.Equal(["r@example.org"], message.ReplyTo.Mailboxes.Select(m => m.Address));
        Assert.Equal("All done.", message.TextBody?.TrimEnd());
        Assert.Null(message.HtmlBody);
    }

    [Fact]
    public async Task Html_body_makes_a_multipart_alternative_message()
    {
        await _registry.RunAsync("std.email", $$"""
            {"from_addr": "wf@example.org", "to_addrs": "a@example.org", "smtp_server": "127.0.0.1:{{smtp.Port}}",
             "body": "plain", "html_body": "<p>rich</p>"}
            """);

        var (_, message) = await NextAsync();
        Assert.Equal("multipart/alternative", message.Body?.ContentType.MimeType);
        Assert.Equal("plain", message.TextBody?.TrimEnd());
        Assert.Equal("<p>rich</p>", message.HtmlBody?.TrimEnd());
    }

    [Fact]
    public async Task Missing_subject_and_body_get_Mistral_placeholders()
    {
        await _registry.RunAsync("std.email", $$"""
            {"from_addr": "wf@example.org", "to_addrs": ["a@example.org"], "smtp_server": "127.0.0.1:{{smtp.Port}}"}
            """);

        var (_, message) = await NextAsync();
        Assert.Equal("<No subject>", message.Subject);
        Assert.Equal("<No body>", message.TextBody?.TrimEnd());
    }

    [Fact]
    public async Task Password_requires_STARTTLS_and_fails_when_the_server_lacks_it()
    {
        var error = await Assert.ThrowsAsync<ActionException>(() => _registry.RunAsync("std.email", $$"""
            {"from_addr": "wf@example.org", "to_addrs": ["a@example.org"], "smtp_server": "127.0.0.1:{{smtp.Port}}", "smtp_password": "pw"}
            """));

        Assert.StartsWith("Failed to send an email message: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("STARTTLS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_server_fails_with_Mistral_prefix()
    {
        var port = FreePort.Next();

        var error = await Assert.ThrowsAsync<ActionException>(() => _registry.RunAsync("std.email", $$"""
            {"from_addr": "wf@example.org", "to_addrs": ["a@example.org"], "smtp_server": "127.0.0.1:{{port}}"}
            """));

        Assert.StartsWith("Failed to send an email message: ", error.Message, StringComparison.Ordinal);
    }

    private async Task<(ReceivedMail Envelope, MimeMessage Message)> NextAsync()
    {
        var mail = await smtp.Messages.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(mail.Data));
        return (mail, await MimeMessage.LoadAsync(stream));
    }
}
