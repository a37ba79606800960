using Sirocco.Engine;

namespace Sirocco.Runtime.Durable;

/// <summary>Random UUIDs, as Mistral uses for every row.</summary>
public sealed class GuidIds : IIdGenerator
{
    /// <inheritdoc />
    public string NewId() => Guid.NewGuid().ToString();
}
