using System.Globalization;
using System.Text;

namespace Sirocco.Benchmarks;

/// <summary>Generates a direct workflow with many tasks using a realistic mix of task properties.</summary>
public static class LargeWorkflow
{
    public static string Generate(int taskCount)
    {
        var yaml = new StringBuilder();
        yaml.Append("version: '2.0'\nbig:\n  input:\n    - items\n    - limit: 10\n  vars:\n    counter: 0\n")
            .Append("  task-defaults:\n    retry:\n      count: 2\n      delay: 1\n  tasks:\n");
        for (var i = 0; i < taskCount; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"task_{i}");
            var next = string.Create(CultureInfo.InvariantCulture, $"task_{i + 1}");
            yaml.Append("    ").Append(name).Append(":\n");
            switch (i % 4)
            {
                case 0:
                    yaml.Append("      action: std.echo output=\"step ").Append(i).Append("\" n=<% $.counter %>\n");
                    break;
                case 1:
                    yaml.Append("      action: std.http\n      input:\n        url: http://example.com/<% $.counter %>\n        method: GET\n")
                        .Append("      timeout: 30\n");
                    break;
                case 2:
                    yaml.Append("      with-items: x in <% $.items %>\n      concurrency: 4\n      action: std.echo output=<% $.x %>\n");
                    break;
                default:
                    yaml.Append("      workflow: sub x=1\n      wait-before: 1\n");
                    break;
            }

            yaml.Append("      publish:\n        counter: <% $.counter + 1 %>\n        last: ").Append(name).Append('\n');
            if (i + 1 < taskCount)
            {
                yaml.Append("      on-success:\n        - ").Append(next).Append(": <% $.counter < $.limit %>\n")
                    .Append("        - fail msg=\"stopped at ").Append(name).Append("\": <% $.counter >= $.limit %>\n")
                    .Append("      on-error: ").Append(next).Append('\n');
            }
        }

        return yaml.ToString();
    }
}
