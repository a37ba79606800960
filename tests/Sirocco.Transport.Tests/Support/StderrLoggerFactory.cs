using Microsoft.Extensions.Logging;

namespace Sirocco.Transport.Tests.Support;

/// <summary>Writes log lines to stderr when SIROCCO_TEST_LOG is set; for diagnosing a failing run.</summary>
internal sealed class StderrLoggerFactory : ILoggerFactory
{
    public static ILoggerFactory? FromEnvironment() =>
        Environment.GetEnvironmentVariable("SIROCCO_TEST_LOG") is { Length: > 0 } ? new StderrLoggerFactory() : null;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)} {exception?.GetType().Name} {exception?.Message}");
    }
}
