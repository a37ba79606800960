using Microsoft.Extensions.Logging;

namespace Sirocco.Api.Secrets;

/// <summary>
/// Wraps a logging provider so that no log line carries a known secret value: a message that would reveal one is
/// passed on as its masked text (its structured fields masked too, the exception folded into the text).
/// Messages without secrets pass through untouched, with their structure.
/// </summary>
internal sealed class RedactingLoggerProvider(ILoggerProvider inner, SecretRedactor redactor) : ILoggerProvider, ISupportExternalScope
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName), redactor);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => (inner as ISupportExternalScope)?.SetScopeProvider(scopeProvider);

    public void Dispose() => inner.Dispose();

    private sealed class RedactingLogger(ILogger inner, SecretRedactor redactor) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            var revealing = redactor.Reveals(message) || (exception is not null && redactor.Reveals(exception.ToString()));
            if (!revealing)
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
                return;
            }

            var text = redactor.RedactText(exception is null ? message : message + Environment.NewLine + exception);
            var fields = new List<KeyValuePair<string, object?>>();
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                fields.AddRange(pairs.Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : (object?)redactor.RedactText(Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty))));
            }

            inner.Log(logLevel, eventId, fields, null, (_, _) => text);
        }
    }
}
