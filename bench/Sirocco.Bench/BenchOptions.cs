using System.Globalization;

namespace Sirocco.Bench;

/// <summary>Command-line options; sizes default per mode (Mistral-sized for <c>compare</c>).</summary>
internal sealed class BenchOptions
{
    public const string Usage = """
        sirocco-bench [targets|compare|run] [options]
          targets   Sirocco alone at the issue-10 target sizes, checked against the targets (default)
          compare   Sirocco and Mistral alternately, Mistral-sized, medians and the ratio per scenario
          run       one server (--url) at the given sizes
        options:
          --scenarios chain,items,parallel,async,context,nested
          --runs N            runs per scenario and server (targets: 1, compare: 3)
          --chain N --items N --parallel MxK --async N --context N --nested F --blob BYTES --callers N (async, default 32)
          --warmup N          tasks of untimed warm-up per scenario, in runs of the measured size (Sirocco default
                              5000; Mistral: 10; 0: none); in compare each timed run also follows a 20-task untimed
                              run on the same server, and both start once the machine is quiet (all cores under
                              10 % busy for 0.3 s)
          --warmup-seconds S  Sirocco's warm-up lasts at least S seconds (default 15: the JIT's tiering settles) and
                              runs at least 100 executions (for at most 3·S seconds)
          --sirocco URL       use a running Sirocco (default: start ./sirocco server in a temp folder)
          --sirocco-db PATH   its SQLite file, to measure (known when the harness starts it)
          --sirocco-cli DLL   start this built sirocco.dll instead of ./sirocco
          --mistral URL       default http://127.0.0.1:18989/v2 (../shared/peers/mistral/start.sh)
          --mistral-db PATH   Mistral's SQLite file, to measure (default /tmp/mistral-peer/mistral.sqlite if present)
          --url URL --db PATH for run
          --timeout SECONDS   per execution (default 600)
        """;

    public string Mode { get; private set; } = "targets";

    public IReadOnlyList<string> ScenarioNames { get; private set; } = ["chain", "items", "parallel", "async", "context", "nested"];

    public int Runs { get; private set; }

    public int Chain { get; private set; }

    public int Items { get; private set; }

    public int ParallelExecutions { get; private set; }

    public int ParallelTasks { get; private set; }

    public int AsyncActions { get; private set; }

    public int Context { get; private set; }

    public int Nested { get; private set; }

    public int Blob { get; private set; } = 1024;

    /// <summary>Tasks of Sirocco's untimed warm-up run per scenario (the JIT's tiering settles within a few thousand events).</summary>
    public int WarmUp { get; private set; } = 5000;

    /// <summary>
    /// Sirocco's warm-up also lasts at least this long: a fresh server's JIT recompiles hot code in the background
    /// for its first ~12 s of work (6 s of CPU on these 2 cores), whatever the number of tasks.
    /// </summary>
    public int WarmUpSeconds { get; private set; } = 15;

    /// <summary>Concurrent callers completing async actions, as many third parties would.</summary>
    public int Callers { get; private set; } = 32;

    public string? SiroccoUrl { get; private set; }

    public string? SiroccoDb { get; private set; }

    public string? SiroccoCli { get; private set; }

    public string MistralUrl { get; private set; } = "http://127.0.0.1:18989/v2";

    public string? MistralDb { get; private set; } = File.Exists("/tmp/mistral-peer/mistral.sqlite") ? "/tmp/mistral-peer/mistral.sqlite" : null;

    public TimeSpan Timeout { get; private set; } = TimeSpan.FromSeconds(600);

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        var rest = new Queue<string>(args);
        if (rest.Count > 0 && !rest.Peek().StartsWith("--", StringComparison.Ordinal))
        {
            options.Mode = rest.Dequeue();
        }

        var mistralSized = options.Mode == "compare";
        (options.Runs, options.Chain, options.Items) = mistralSized ? (3, 100, 1000) : (1, 1000, 10_000);
        (options.ParallelExecutions, options.ParallelTasks) = mistralSized ? (50, 10) : (200, 10);
        (options.AsyncActions, options.Context, options.Nested) = mistralSized ? (200, 100, 5) : (1000, 500, 10);
        while (rest.Count > 0)
        {
            var name = rest.Dequeue();
            var value = rest.Count > 0 ? rest.Dequeue() : throw new ArgumentException($"{name} needs a value");
            options.Set(name, value);
        }

        return options;
    }

    private void Set(string name, string value)
    {
        switch (name)
        {
            case "--scenarios": ScenarioNames = value.Split(',', StringSplitOptions.RemoveEmptyEntries); break;
            case "--runs": Runs = Int(value); break;
            case "--chain": Chain = Int(value); break;
            case "--items": Items = Int(value); break;
            case "--parallel":
                var parts = value.Split('x');
                (ParallelExecutions, ParallelTasks) = (Int(parts[0]), Int(parts[1]));
                break;
            case "--async": AsyncActions = Int(value); break;
            case "--context": Context = Int(value); break;
            case "--nested": Nested = Int(value); break;
            case "--blob": Blob = Int(value); break;
            case "--callers": Callers = Int(value); break;
            case "--warmup": WarmUp = Int(value); break;
            case "--warmup-seconds": WarmUpSeconds = Int(value); break;
            case "--sirocco" or "--url": SiroccoUrl = value; break;
            case "--sirocco-db" or "--db": SiroccoDb = value; break;
            case "--sirocco-cli": SiroccoCli = value; break;
            case "--mistral": MistralUrl = value; break;
            case "--mistral-db": MistralDb = value; break;
            case "--timeout": Timeout = TimeSpan.FromSeconds(Int(value)); break;
            default: throw new ArgumentException($"unknown option {name}");
        }
    }

    private static int Int(string value) => int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
