namespace Sirocco.Cli;

/// <summary>Command-line settings of a distributed <c>sirocco server</c> process.</summary>
internal sealed record DistributedSettings(
    IReadOnlySet<string> Roles,
    Uri Broker,
    string Prefix,
    string? Database,
    string Target,
    int Concurrency,
    string NodeId,
    string? Urls,
    IReadOnlyList<string> ExtraArgs)
{
    /// <summary>How long an API-only node waits for an engine to apply a request before answering 503.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
