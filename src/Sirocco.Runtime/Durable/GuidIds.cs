using Sirocco.Engine;

namespace Sirocco.Runtime.Durable;

/// <summary>
/// UUIDs in Mistral's text form, time-ordered (version 7): rows created one after another get ids that
/// sort one after another, so a new row lands at the end of each id index instead of on a random page.
/// On SQLite that is a few dirty pages per commit instead of one per index and row. Clients see an
/// ordinary UUID; nothing reads meaning into its bits.
/// </summary>
public sealed class GuidIds : IIdGenerator
{
    /// <inheritdoc />
    public string NewId() => Guid.CreateVersion7().ToString();
}
