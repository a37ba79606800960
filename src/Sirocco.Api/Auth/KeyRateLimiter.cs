using System.Threading.RateLimiting;

namespace Sirocco.Api.Auth;

/// <summary>One token bucket per API key id (System.Threading.RateLimiting), so one noisy client cannot starve the others.</summary>
internal sealed class KeyRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string>? _limiter;

    public KeyRateLimiter(AuthOptions options)
    {
        if (options.Requests == 0)
        {
            return;
        }

        _limiter = PartitionedRateLimiter.Create<string, string>(keyId => RateLimitPartition.GetTokenBucketLimiter(keyId, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Burst,
            TokensPerPeriod = options.Requests,
            ReplenishmentPeriod = options.Period,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Null when the request may go on, else how long the caller should wait.</summary>
    public TimeSpan? TryAcquire(string keyId)
    {
        if (_limiter is null)
        {
            return null;
        }

        using var lease = _limiter.AttemptAcquire(keyId);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
    }

    public void Dispose() => _limiter?.Dispose();
}
