using System.Globalization;
using System.Text;

namespace Sirocco.Runtime.Tests.Infrastructure;

/// <summary>YAML of the workflows the runtime tests run.</summary>
internal static class Workflows
{
    /// <summary>A chain of <paramref name="length"/> tasks; each echoes and publishes one small value.</summary>
    public static string Chain(int length, string name = "chain")
    {
        var yaml = new StringBuilder($"version: '2.0'\n{name}:\n  tasks:\n");
        for (var i = 0; i < length; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            yaml.Append("    t").Append(n).Append(":\n      action: std.echo output=").Append(n).Append('\n')
                .Append("      publish:\n        v").Append(n).Append(": ").Append(n).Append('\n');
            if (i + 1 < length)
            {
                yaml.Append("      on-success: t").Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        return yaml.ToString();
    }

    /// <summary>One task that fans out over <paramref name="items"/> items.</summary>
    public static string WithItems(int items, string name = "fan", bool safeRerun = false) =>
        $"""
        version: '2.0'
        {name}:
          tasks:
            fan:
              with-items: x in {ListOf(items)}
              action: std.echo output=1
              safe-rerun: {(safeRerun ? "true" : "false")}
              on-success: last
            last:
              action: std.noop
        """;

    /// <summary>One action task; <paramref name="safeRerun"/> sets its policy.</summary>
    public static string Single(bool safeRerun, string name = "single") =>
        $"""
        version: '2.0'
        {name}:
          tasks:
            only:
              action: test.echo output="done"
              safe-rerun: {(safeRerun ? "true" : "false")}
        """;

    private static string ListOf(int count) => "[" + string.Join(", ", Enumerable.Range(0, count)) + "]";
}
