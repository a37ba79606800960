using Sirocco.Runtime.Durable;

namespace Sirocco.Runtime.Tests.Durable;

public sealed class SpecCacheTests
{
    private const string Yaml = """
        ---
        version: '2.0'
        wf:
          tasks:
            t1:
              action: std.noop
        """;

    [Fact]
    public void Each_execution_keeps_its_spec_until_the_bound_is_passed_then_the_cache_starts_again()
    {
        var cache = new SpecCache();
        var spec = cache.Find(Yaml, "wf")!;
        for (var i = 0; i < SpecCache.MaxExecutions; i++)
        {
            cache.Remember($"e{i}", spec);
        }

        Assert.Same(spec, cache.ForExecution("e0"));
        Assert.Same(spec, cache.ForExecution($"e{SpecCache.MaxExecutions - 1}"));

        cache.Remember("next", spec);

        Assert.Null(cache.ForExecution("e0"));
        Assert.Same(spec, cache.ForExecution("next"));
        for (var i = 1; i < SpecCache.MaxExecutions; i++)
        {
            cache.Remember($"f{i}", spec);
        }

        Assert.Same(spec, cache.ForExecution("next"));
    }
}
