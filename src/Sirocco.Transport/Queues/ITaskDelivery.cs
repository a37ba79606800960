namespace Sirocco.Transport.Queues;

/// <summary>One delivery of a request; the receiver acknowledges it once the result is reported.</summary>
public interface ITaskDelivery
{
    /// <summary>The request.</summary>
    RunActionRequest Request { get; }

    /// <summary>True when this request was delivered before and not acknowledged.</summary>
    bool Redelivered { get; }

    /// <summary>Removes the request from the queue for good.</summary>
    ValueTask AckAsync(CancellationToken cancellationToken = default);

    /// <summary>Gives the request back; with <paramref name="requeue"/> it is delivered again, else dropped.</summary>
    ValueTask NackAsync(bool requeue, CancellationToken cancellationToken = default);
}
