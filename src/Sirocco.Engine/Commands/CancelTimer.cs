namespace Sirocco.Engine.Commands;

/// <summary>Drop a timer that is no longer needed (a firing that races with this is ignored by the engine).</summary>
public sealed record CancelTimer(string TimerId) : EngineCommand;
