using System.Text.Json;
using Sirocco.Engine.Events;
using Sirocco.Persistence.Durable;

namespace Sirocco.Persistence.Execution;

/// <summary>Turns a due timer row back into the engine's <see cref="TimerFired"/> event.</summary>
public static class TimerCodec
{
    /// <summary>The event a due timer delivers.</summary>
    public static TimerFired ToEvent(DurableTimer timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        using var payload = JsonDocument.Parse(timer.PayloadJson);
        var purpose = Enum.TryParse<TimerPurpose>(timer.Kind, out var parsed) ? parsed : throw new PersistenceException($"Unknown timer kind '{timer.Kind}'");
        return new TimerFired(timer.ExecutionId ?? "", timer.Id, purpose, payload.RootElement.RequiredString("task_execution_id"));
    }
}
