using System.Diagnostics;
using System.Globalization;

namespace Sirocco.Bench;

/// <summary>
/// Waits until the machine's CPUs are nearly idle, so that a timed run does not share the cores with work left over
/// from the other server's run. Mistral goes on working for about 2.5 s after its <c>async</c> execution reads
/// SUCCESS (one core busy); before this wait the next Sirocco run started inside that tail and had half the machine.
/// Used the same way before every primer and every timed run of both servers.
/// </summary>
internal static class QuietMachine
{
    /// <summary>One look at the counters; two quiet ones in a row make a quiet machine.</summary>
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(150);

    /// <summary>Busy share of all cores under which a window counts as quiet (the idle machine shows 1–3 %).</summary>
    private const double MaxBusy = 0.10;

    /// <summary>Past this the run goes ahead anyway (and the wait is reported): a machine that never calms down is noise for both.</summary>
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(20);

    public static async Task<TimeSpan> WaitAsync(CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        if (Read() is not { } before)
        {
            return TimeSpan.Zero;
        }

        var quietWindows = 0;
        while (clock.Elapsed < Cap)
        {
            await Task.Delay(Window, cancel);
            if (Read() is not { } now)
            {
                break;
            }

            var total = now.Total - before.Total;
            var busy = total > 0 ? (double)(now.Busy - before.Busy) / total : 0;
            before = now;
            quietWindows = busy < MaxBusy ? quietWindows + 1 : 0;
            if (quietWindows == 2)
            {
                break;
            }
        }

        return clock.Elapsed;
    }

    /// <summary>The first line of /proc/stat: busy and total ticks of all cores since boot; null off Linux.</summary>
    private static (long Busy, long Total)? Read()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Select(field => long.Parse(field, CultureInfo.InvariantCulture)).ToArray();
            var total = fields.Take(8).Sum();
            var idle = fields[3] + fields[4]; // idle, iowait
            return (total - idle, total);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
