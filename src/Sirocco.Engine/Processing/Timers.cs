using Sirocco.Engine.Events;

namespace Sirocco.Engine.Processing;

/// <summary>Timer events (wait-before, wait-after, retry delay, timeout) and dropping timers when an execution ends.</summary>
internal static class Timers
{
    public static void OnTimer(Session session, TimerFired timer)
    {
        _ = session;
        _ = timer;
    }

    public static void DropAll(Session session) => _ = session;
}
