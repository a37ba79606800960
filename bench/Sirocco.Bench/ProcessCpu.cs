using System.Globalization;

namespace Sirocco.Bench;

/// <summary>
/// CPU time (user + system) used by a server process and its descendants, from <c>/proc</c>. On a
/// machine shared with other work, CPU seconds per task say what the server costs independently of
/// how much of the machine it got.
/// </summary>
internal sealed class ProcessCpu(int rootPid)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux.

    public static ProcessCpu? FromPidFile(string path) =>
        File.Exists(path) && int.TryParse(File.ReadAllText(path).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid)
            ? new ProcessCpu(pid)
            : null;

    public double Seconds()
    {
        var stats = new Dictionary<int, (int Parent, long Ticks)>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) && Read(pid) is { } stat)
            {
                stats[pid] = stat;
            }
        }

        var total = 0L;
        foreach (var (pid, stat) in stats)
        {
            if (IsDescendant(pid, stats))
            {
                total += stat.Ticks;
            }
        }

        return total / TicksPerSecond;
    }

    private bool IsDescendant(int pid, Dictionary<int, (int Parent, long Ticks)> stats)
    {
        for (var hops = 0; hops < 64 && pid > 1; hops++)
        {
            if (pid == rootPid)
            {
                return true;
            }

            pid = stats.TryGetValue(pid, out var stat) ? stat.Parent : 0;
        }

        return false;
    }

    private static (int Parent, long Ticks)? Read(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name, which is in parentheses and may hold spaces.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return (parent, ticks);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null; // Gone meanwhile, or not ours to read.
        }
    }
}
