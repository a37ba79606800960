using Microsoft.Extensions.Configuration;

namespace Sirocco.Api.Auth;

/// <summary>
/// Per-key rate limit when authentication is on: a token bucket of <see cref="Burst"/> requests refilled with
/// <see cref="Requests"/> every <see cref="Period"/> (<c>--Auth:RateLimit:Requests</c>, <c>--Auth:RateLimit:Period</c>,
/// <c>--Auth:RateLimit:Burst</c>). Default 600 requests a minute with bursts of 600; <c>Requests=0</c> turns it off.
/// </summary>
public sealed class AuthOptions
{
    /// <summary>Requests added to a key's bucket every <see cref="Period"/>; 0 disables rate limiting.</summary>
    public int Requests { get; set; } = 600;

    /// <summary>Refill period.</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Most requests a key may send at once after being idle.</summary>
    public int Burst { get; set; } = 600;

    /// <summary>Reads the options from configuration.</summary>
    public static AuthOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new AuthOptions();
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        if (configuration["Auth:RateLimit:Requests"] is { Length: > 0 } requests)
        {
            options.Requests = int.TryParse(requests, culture, out var n) && n >= 0 ? n
                : throw new InvalidOperationException($"Auth:RateLimit:Requests is not a number ≥ 0: {requests}");
            options.Burst = options.Requests;
        }

        if (configuration["Auth:RateLimit:Period"] is { Length: > 0 } period)
        {
            options.Period = TimeSpan.TryParse(period, culture, out var p) && p > TimeSpan.Zero ? p
                : throw new InvalidOperationException($"Auth:RateLimit:Period is not a positive time span (hh:mm:ss): {period}");
        }

        if (configuration["Auth:RateLimit:Burst"] is { Length: > 0 } burst)
        {
            options.Burst = int.TryParse(burst, culture, out var b) && b > 0 ? b
                : throw new InvalidOperationException($"Auth:RateLimit:Burst is not a positive number: {burst}");
        }

        return options;
    }
}
