using Sirocco.Persistence.Execution;

namespace Sirocco.Persistence.Tests.Execution;

public sealed class VersionedCacheTests
{
    [Fact]
    public void A_full_cache_is_emptied_before_a_new_row_and_updates_of_kept_rows_do_not_fill_it()
    {
        var cache = new SmallCache(maxEntries: 3);
        foreach (var id in new[] { "a", "b", "c" })
        {
            cache.Remember(id, 1, id);
        }

        for (var version = 2; version < 10; version++)
        {
            cache.Remember("a", version, "a");
        }

        Assert.True(cache.Holds("b"));
        Assert.Equal("a", cache.Find("a", 9));

        cache.Remember("d", 1, "d");

        Assert.False(cache.Holds("a"));
        Assert.False(cache.Holds("c"));
        Assert.Equal("d", cache.Find("d", 1));
        cache.Remember("e", 1, "e");
        cache.Remember("f", 1, "f");
        Assert.True(cache.Holds("d") && cache.Holds("e") && cache.Holds("f"));
    }

    private sealed class SmallCache(int maxEntries) : VersionedCache<string>(maxEntries);
}
