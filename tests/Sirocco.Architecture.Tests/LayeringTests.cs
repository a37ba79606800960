using System.Reflection;

namespace Sirocco.Architecture.Tests;

/// <summary>The pure layers (DESIGN.md §2) must not reach I/O: no web host, database driver or queue client.</summary>
public class LayeringTests
{
    private static readonly string[] ForbiddenPrefixes =
    [
        "Microsoft.AspNetCore", "Microsoft.Data.Sqlite", "Npgsql", "Dapper", "RabbitMQ", "DbUp", "System.Net.Http",
        "Sirocco.Persistence", "Sirocco.Transport", "Sirocco.Runtime", "Sirocco.Api", "Sirocco.Actions",
    ];

    public static TheoryData<string> PureAssemblies => new() { "Sirocco.Engine", "Sirocco.Language", "Sirocco.Expressions" };

    [Theory]
    [MemberData(nameof(PureAssemblies))]
    public void Pure_layer_references_no_io_assembly(string assemblyName)
    {
        var offending = ReferencesOf(Assembly.Load(assemblyName))
            .Where(name => ForbiddenPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(offending);
    }

    [Fact]
    public void Reference_walk_follows_transitive_references()
    {
        // Guards the check itself: this test assembly uses xunit.core, which alone references xunit.abstractions.
        Assert.Contains("xunit.abstractions", ReferencesOf(typeof(LayeringTests).Assembly));
    }

    /// <summary>Every assembly reachable from <paramref name="root"/> through references, loaded from the test's output folder.</summary>
    private static HashSet<string> ReferencesOf(Assembly root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<Assembly>([root]);
        while (queue.Count > 0)
        {
            foreach (var reference in queue.Dequeue().GetReferencedAssemblies())
            {
                if (reference.Name is null || !seen.Add(reference.Name))
                {
                    continue;
                }

                var path = Path.Combine(AppContext.BaseDirectory, reference.Name + ".dll");
                if (File.Exists(path))
                {
                    queue.Enqueue(Assembly.LoadFrom(path));
                }
            }
        }

        return seen;
    }
}
