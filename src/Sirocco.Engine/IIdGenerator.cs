namespace Sirocco.Engine;

/// <summary>Makes ids for the executions, tasks, actions and timers a decision creates (the engine never calls Guid.NewGuid).</summary>
public interface IIdGenerator
{
    string NewId();
}
