namespace Sirocco.Engine.Commands;

/// <summary>Something the runtime must do after it has stored a decision (the transactional outbox holds them).</summary>
public abstract record EngineCommand;
