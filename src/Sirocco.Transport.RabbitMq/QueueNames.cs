namespace Sirocco.Transport.RabbitMq;

/// <summary>The names of everything Sirocco declares on the broker, all under one prefix.</summary>
public sealed class QueueNames(string prefix)
{
    /// <summary>The queue of run-action commands for runners of <paramref name="target"/>.</summary>
    public string Actions(string target)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        return $"{prefix}.actions.{target}";
    }

    /// <summary>The one queue results and heartbeats travel back on, to whichever engine takes them.</summary>
    public string Results => $"{prefix}.results";

    /// <summary>The queue where API nodes hand state-changing requests (start, completion, pause…) to any engine.</summary>
    public string EngineRequests => $"{prefix}.engine-requests";

    /// <summary>
    /// The queue where runners (executors, which have no database) claim a call before starting it, answered by
    /// any engine. Apart from <see cref="EngineRequests"/> so that claims never wait behind API traffic.
    /// </summary>
    public string Claims => $"{prefix}.claims";

    /// <summary>The private queue on which one API process receives the engines' answers.</summary>
    public string Replies(string client) => $"{prefix}.replies.{client}";

    /// <summary>The exchange that rejected and over-delivered messages are routed to.</summary>
    public string DeadLetterExchange => $"{prefix}.dead-letter";

    /// <summary>The queue where poison messages are parked, with the reason, for an operator to look at.</summary>
    public string DeadLetters => $"{prefix}.dead-letter";
}
