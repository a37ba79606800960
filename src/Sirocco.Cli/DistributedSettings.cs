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
    IReadOnlyList<string> ExtraArgs);
