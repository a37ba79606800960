namespace Sirocco.Persistence.Sql;

/// <summary>
/// Makes the commits of one writer connection durable after the fact: when <see cref="Flush"/> returns,
/// every commit that had returned before it was called is on disk.
/// </summary>
internal interface IDeferredSync : IDisposable
{
    /// <summary>Flushes to disk; throws when the disk refuses (the commits are then not known to be durable).</summary>
    void Flush();
}
