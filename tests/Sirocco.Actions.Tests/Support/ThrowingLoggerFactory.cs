using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Sirocco.Actions.Tests.Support;

/// <summary>A logger factory that fails for one category: a stand-in for a fault inside the runner itself.</summary>
internal sealed class ThrowingLoggerFactory(string failingCategory) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) =>
        categoryName == failingCategory ? throw new InvalidOperationException("no logger here") : NullLogger.Instance;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }
}
