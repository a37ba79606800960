namespace Sirocco.Transport.RabbitMq;

/// <summary>A message found in the dead-letter queue.</summary>
/// <param name="Reason">Why it was parked: Sirocco's own reason, or the broker's (<c>rejected</c>, <c>delivery_limit</c>).</param>
/// <param name="SourceQueue">The queue it came from, when known.</param>
/// <param name="Type">What the body claims to be (the AMQP <c>type</c> property).</param>
/// <param name="Body">The body as UTF-8 text.</param>
public sealed record ParkedMessage(string Reason, string? SourceQueue, string? Type, string Body);
