using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Sirocco.Api.Secrets;

/// <summary>
/// A logger that never writes a known secret value or a callback token: a message that would reveal one is passed
/// on as its masked text (structured fields masked too, the exception folded into the text). Other messages pass
/// through untouched, with their structure.
/// </summary>
internal sealed partial class RedactingLogger(ILogger inner, SecretRedactor redactor) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var message = formatter(state, exception);
        var revealing = Reveals(message) || (exception is not null && Reveals(exception.ToString()));
        if (!revealing)
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
            return;
        }

        var text = Mask(exception is null ? message : message + Environment.NewLine + exception);
        var fields = new List<KeyValuePair<string, object?>>();
        if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            fields.AddRange(pairs.Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null
                : (object?)Mask(Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty))));
        }

        inner.Log(logLevel, eventId, fields, null, (_, _) => text);
    }

    private bool Reveals(string text) => redactor.Reveals(text) || CallbackToken().IsMatch(text);

    private string Mask(string text) => CallbackToken().Replace(redactor.RedactText(text), "$1" + SecretRedactor.Mask);

    /// <summary>The token segment of a callback URL (<c>/v2/callbacks/{id}/{token}</c>), e.g. in ASP.NET Core's request logs.</summary>
    [GeneratedRegex(@"(/v2/callbacks/[^/\s?#""']+/)(?!\*\*\*)[A-Za-z0-9_%.\-]{16,}")]
    private static partial Regex CallbackToken();
}
