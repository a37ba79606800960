namespace Sirocco.Engine.Events;

/// <summary>Something that happened to one workflow execution; the engine decides what follows.</summary>
/// <param name="ExecutionId">The workflow execution the event is for.</param>
public abstract record EngineEvent(string ExecutionId);
