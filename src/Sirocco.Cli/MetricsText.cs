using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Sirocco.Cli;

/// <summary>
/// The <c>/metrics</c> document of a role process in the Prometheus text format (version 0.0.4), so any
/// scraper reads it without an exporter. The counters of Sirocco's own meters (e.g.
/// <c>Sirocco.Transport.RabbitMq</c>) are summed by a listener from process start.
/// </summary>
internal sealed class MetricsText
{
    private static readonly ConcurrentDictionary<string, long> Counters = new(StringComparer.Ordinal);
    private static readonly MeterListener Listener = StartListener();
    private readonly StringBuilder _text = new();
    private readonly HashSet<string> _described = new(StringComparer.Ordinal);

    /// <summary>Starts counting (call once at process start, so that no early measurement is missed).</summary>
    public static void EnsureListening() => GC.KeepAlive(Listener);

    public MetricsText Gauge(string name, string help, double value, string? labels = null) => Add(name, "gauge", help, value, labels);

    public MetricsText Counter(string name, string help, double value, string? labels = null) => Add(name, "counter", help, value, labels);

    /// <summary>Every counter of Sirocco's meters, <c>sirocco.rabbitmq.confirmed</c> as <c>sirocco_rabbitmq_confirmed_total</c>.</summary>
    public MetricsText MeterCounters()
    {
        foreach (var (name, value) in Counters.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            Counter(name.Replace('.', '_') + "_total", $"{name} since the process started.", value);
        }

        return this;
    }

    public override string ToString() => _text.ToString();

    private MetricsText Add(string name, string type, string help, double value, string? labels)
    {
        if (_described.Add(name))
        {
            _text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
            _text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        }

        _text.Append(name);
        if (labels is not null)
        {
            _text.Append('{').Append(labels).Append('}');
        }

        _text.Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
        return this;
    }

    private static MeterListener StartListener()
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name.StartsWith("Sirocco", StringComparison.Ordinal))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Counters.AddOrUpdate(instrument.Name, value, (_, total) => total + value));
        listener.Start();
        return listener;
    }
}
