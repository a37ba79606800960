using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Sirocco.Actions.Abstractions;

namespace Sirocco.Actions.Standard;

/// <summary>
/// std.email: sends one message through <c>smtp_server</c> (<c>host</c> or <c>host:port</c>, default port 25).
/// With <c>smtp_password</c> it upgrades with STARTTLS and logs in as <c>from_addr</c>, as Mistral does.
/// With <c>html_body</c> the message is multipart/alternative (text and HTML). The output is null.
/// </summary>
[Action("std.email", Description = "Sends an email through an SMTP server; the output is null.")]
internal sealed class EmailAction(StandardActionOptions options) : IAction
{
    [ActionInput("from_addr", Required = true)]
    public string FromAddr { get; set; } = string.Empty;

    [ActionInput("to_addrs", Required = true)]
    public IReadOnlyList<string> ToAddrs { get; set; } = [];

    [ActionInput("smtp_server", Required = true)]
    public string SmtpServer { get; set; } = string.Empty;

    [ActionInput("reply_to")]
    public IReadOnlyList<string>? ReplyTo { get; set; }

    [ActionInput("cc_addrs")]
    public IReadOnlyList<string>? CcAddrs { get; set; }

    [ActionInput("bcc_addrs")]
    public IReadOnlyList<string>? BccAddrs { get; set; }

    [ActionInput("smtp_password")]
    public string? SmtpPassword { get; set; }

    [ActionInput("subject")]
    public string? Subject { get; set; }

    [ActionInput("body")]
    public string? Body { get; set; }

    [ActionInput("html_body")]
    public string? HtmlBody { get; set; }

    public async ValueTask<ActionOutcome> RunAsync(ActionContext context)
    {
        try
        {
            using var message = BuildMessage();
            var (host, port) = HostPort.Split(SmtpServer, defaultPort: 25);
            using var client = new SmtpClient { Timeout = (int)options.ConnectTimeout.TotalMilliseconds };
            var ct = context.CancellationToken;
            var security = SmtpPassword is null ? SecureSocketOptions.None : SecureSocketOptions.StartTls;
            await client.ConnectAsync(host, port, security, ct).ConfigureAwait(false);
            if (SmtpPassword is not null)
            {
                await client.AuthenticateAsync(FromAddr, SmtpPassword, ct).ConfigureAwait(false);
            }

            await client.SendAsync(message, ct).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, ct).ConfigureAwait(false);
            return ActionOutcome.Success();
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            context.Logger.LogEmailFailure(e, SmtpServer);
            throw new ActionException($"Failed to send an email message: {e.Message}", e);
        }
    }

    private MimeMessage BuildMessage()
    {
        var message = new MimeMessage { Subject = Subject ?? "<No subject>" };
        message.From.Add(MailboxAddress.Parse(FromAddr));
        message.To.AddRange(ToAddrs.Select(MailboxAddress.Parse));
        message.Cc.AddRange((CcAddrs ?? []).Select(MailboxAddress.Parse));
        message.Bcc.AddRange((BccAddrs ?? []).Select(MailboxAddress.Parse));
        message.ReplyTo.AddRange((ReplyTo ?? []).Select(MailboxAddress.Parse));
        var builder = new BodyBuilder { TextBody = Body ?? "<No body>", HtmlBody = HtmlBody };
        message.Body = builder.ToMessageBody();
        return message;
    }
}
