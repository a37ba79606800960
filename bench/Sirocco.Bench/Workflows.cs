using System.Globalization;
using System.Text;

namespace Sirocco.Bench;

/// <summary>The benchmark workflows as Mistral v2 YAML; names carry the size so both servers keep one per size.</summary>
internal static class Workflows
{
    public static string ChainName(int tasks) => $"bench_chain_{tasks}";

    public static string ItemsName => "bench_items";

    public static string AsyncName => "bench_async";

    public static string ContextName(int tasks) => $"bench_context_{tasks}";

    public static string NestedName(int fanOut) => $"bench_nested_{fanOut}";

    /// <summary>N sequential std.noop tasks.</summary>
    public static string Chain(int tasks) => ChainWith(ChainName(tasks), tasks, "", _ => "");

    /// <summary>
    /// A chain whose context grows: task i publishes its own key holding the input <c>blob</c>, so the
    /// data context after task i holds i blobs. A store that copies the whole context into every task
    /// grows quadratically; one that keeps only what each task published grows linearly.
    /// </summary>
    public static string Context(int tasks) => ChainWith(ContextName(tasks), tasks, "  input: [blob]\n",
        i => string.Create(CultureInfo.InvariantCulture, $"      publish:\n        k{i}: <% $.blob %>\n"));

    public static string Items() => $"""
        ---
        version: '2.0'
        {ItemsName}:
          input: [items]
          tasks:
            echo:
              with-items: i in <% $.items %>
              action: std.echo output=<% $.i %>
        """;

    public static string Async() => $"""
        ---
        version: '2.0'
        {AsyncName}:
          input: [items]
          tasks:
            wait:
              with-items: i in <% $.items %>
              action: std.async_noop
        """;

    /// <summary>
    /// Three levels of sub-workflows: the top runs F tasks in parallel, each calling a level-2 workflow
    /// of F parallel tasks, each calling a level-3 workflow of F std.noop tasks: F + F² + F³ tasks.
    /// </summary>
    public static string Nested(int fanOut)
    {
        var top = NestedName(fanOut);
        var text = new StringBuilder("---\nversion: '2.0'\n");
        AppendFan(text, top, fanOut, $"workflow: {top}_l2");
        AppendFan(text, $"{top}_l2", fanOut, $"workflow: {top}_l3");
        AppendFan(text, $"{top}_l3", fanOut, "action: std.noop");
        return text.ToString();
    }

    public static int NestedTasks(int fanOut) => fanOut + (fanOut * fanOut) + (fanOut * fanOut * fanOut);

    private static void AppendFan(StringBuilder text, string name, int fanOut, string body)
    {
        text.Append(CultureInfo.InvariantCulture, $"{name}:\n  tasks:\n");
        for (var i = 1; i <= fanOut; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"    t{i}:\n      {body}\n");
        }
    }

    private static string ChainWith(string name, int tasks, string header, Func<int, string> extra)
    {
        var text = new StringBuilder("---\nversion: '2.0'\n");
        text.Append(CultureInfo.InvariantCulture, $"{name}:\n{header}  tasks:\n");
        for (var i = 1; i <= tasks; i++)
        {
            // Task names t1…tN: "noop", "fail", "succeed" and "pause" are engine commands in Mistral.
            text.Append(CultureInfo.InvariantCulture, $"    t{i}:\n      action: std.noop\n").Append(extra(i));
            if (i < tasks)
            {
                text.Append(CultureInfo.InvariantCulture, $"      on-success: [t{i + 1}]\n");
            }
        }

        return text.ToString();
    }
}
