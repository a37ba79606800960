using System.Globalization;

namespace Sirocco.Bench;

/// <summary>What the figures depend on: load average and the machine's description.</summary>
internal static class Machine
{
    public static double LoadAverage()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    public static string Describe()
    {
        var cpu = "unknown CPU";
        try
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))
                ?.Split(':', 2)[1].Trim() ?? cpu;
        }
        catch (IOException)
        {
            // Not Linux: the core count still says enough.
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores, {cpu}, {Environment.OSVersion}, .NET {Environment.Version}, load {LoadAverage():0.0}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
    }
}
