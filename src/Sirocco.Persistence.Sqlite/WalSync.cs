using Microsoft.Win32.SafeHandles;
using Sirocco.Persistence.Sql;

namespace Sirocco.Persistence.Sqlite;

/// <summary>
/// fsync of a database's write-ahead log through a handle of our own. With <c>synchronous=NORMAL</c> in WAL
/// mode a commit has been written to the log (visible, and kept when the process dies) but not synced; syncing
/// the log then makes every commit written before it durable, in order, since recovery replays the log as a
/// prefix. Checkpoints keep syncing the log and the database file themselves. The log file keeps its inode
/// while a connection is open (SQLite removes it only when the last one closes), and the writer's connection
/// stays open for as long as this handle is used.
/// </summary>
internal sealed class WalSync(string walPath) : IDeferredSync
{
    private SafeFileHandle? _handle;

    public void Flush()
    {
        // Opened at the first flush: by then a commit has certainly created the log.
        _handle ??= File.OpenHandle(walPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        RandomAccess.FlushToDisk(_handle);
    }

    public void Dispose() => _handle?.Dispose();
}
