using Sirocco.Engine;

namespace Sirocco.Runtime.InMemory;

/// <summary>Random UUIDs in Mistral's text form, for executions run outside tests.</summary>
public sealed class GuidIds : IIdGenerator
{
    public string NewId() => Guid.NewGuid().ToString();
}
