using System.Threading.Channels;

namespace Sirocco.Persistence.Sql;

/// <summary>The deferred flush: groups committed without waiting for the disk are released here once synced.</summary>
internal sealed partial class GroupCommitWriter
{
    private readonly Channel<SyncBatch> _syncs = Channel.CreateUnbounded<SyncBatch>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _syncLoop;

    /// <summary>
    /// One flush serves every group committed before it: while the disk syncs, the writer commits the next
    /// groups, and they share the next flush. A failed flush fails its callers (their change is stored but not
    /// known to be on disk, so it is not acknowledged).
    /// </summary>
    private async Task SyncLoopAsync()
    {
        var batches = new List<SyncBatch>();
        while (await _syncs.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batches.Clear();
            while (_syncs.Reader.TryRead(out var batch))
            {
                batches.Add(batch);
            }

            foreach (var sync in batches.Select(b => b.Sync).Distinct())
            {
                Exception? failure = null;
                try
                {
                    sync.Flush();
                }
                catch (Exception e)
                {
                    failure = e;
                }

                foreach (var batch in batches.Where(b => ReferenceEquals(b.Sync, sync)))
                {
                    Release(batch, failure);
                }
            }
        }
    }

    private void Release(SyncBatch batch, Exception? failure)
    {
        Interlocked.Add(ref _unsynced, -batch.Items.Count);
        foreach (var item in batch.Items)
        {
            if (failure is null)
            {
                item.Complete();
            }
            else
            {
                item.Fail(new PersistenceException("The change was written but could not be flushed to disk: " + failure.Message, failure));
            }
        }

        if (batch.Last)
        {
            batch.Sync.Dispose();
        }
    }

    private sealed record SyncBatch(IDeferredSync Sync, List<WorkItem> Items, bool Last = false);
}
