using Microsoft.Extensions.Logging;

namespace Sirocco.Api.Secrets;

/// <summary>
/// The application's logger factory with every logger wrapped in a <see cref="RedactingLogger"/>. Wrapping the
/// factory rather than each provider keeps the providers' own filter rules (<c>Logging:Console:LogLevel</c>) working.
/// </summary>
internal sealed class RedactingLoggerFactory(ILoggerFactory inner, SecretRedactor redactor) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName), redactor);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();
}
