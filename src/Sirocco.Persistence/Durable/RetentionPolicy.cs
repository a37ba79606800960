namespace Sirocco.Persistence.Durable;

/// <summary>
/// Mistral's execution expiration policy: finished executions older than <see cref="MaxAge"/>, and
/// the oldest finished ones beyond <see cref="MaxFinishedCount"/>, are deleted with their tasks,
/// actions, history and outbox rows. Running and paused executions are never touched.
/// </summary>
public sealed record RetentionPolicy
{
    /// <summary>Delete finished executions that finished longer ago than this; null keeps them.</summary>
    public TimeSpan? MaxAge { get; init; }

    /// <summary>Keep at most this many finished executions (newest first); null for no cap.</summary>
    public int? MaxFinishedCount { get; init; }

    /// <summary>Most executions deleted per sweep, so one sweep never holds the write lock long.</summary>
    public int BatchSize { get; init; } = 500;
}
