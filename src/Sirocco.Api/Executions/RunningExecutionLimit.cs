using System.Globalization;
using Sirocco.Api.Hosting;
using Sirocco.Api.Http;
using Sirocco.Persistence;

namespace Sirocco.Api.Executions;

/// <summary>
/// <see cref="ServerLimits.MaxRunningExecutions"/>: a start beyond it is refused with 429 Too Many Requests
/// (Mistral has no such limit). 429 rather than 409 because nothing is wrong with the request itself: the
/// same request succeeds once some executions have finished. Concurrent starts are counted without a lock,
/// so a burst may pass the limit by the number of requests in flight.
/// </summary>
internal static class RunningExecutionLimit
{
    public static async Task CheckAsync(HttpRequest request, ISiroccoStore store, CancellationToken cancellationToken)
    {
        var max = request.HttpContext.RequestServices.GetService<ServerLimits>()?.MaxRunningExecutions ?? 0;
        if (max <= 0)
        {
            return;
        }

        var running = await store.Executions.CountRunningExecutionsAsync(max, cancellationToken);
        if (running >= max)
        {
            throw new ApiException(StatusCodes.Status429TooManyRequests, string.Create(CultureInfo.InvariantCulture,
                $"Too many running executions: {running} are running, the limit is {max} per server. "
                + $"Wait for some to finish, or change the limit with the configuration key {ServerLimits.MaxRunningExecutionsKey}."));
        }
    }
}
