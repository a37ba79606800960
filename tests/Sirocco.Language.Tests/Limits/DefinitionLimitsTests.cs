using System.Text;

namespace Sirocco.Language.Tests.Limits;

/// <summary><see cref="DefinitionLimits"/> turn oversized definitions into diagnostics naming the limit.</summary>
public class DefinitionLimitsTests
{
    private static string Chain(int tasks)
    {
        var yaml = new StringBuilder("version: '2.0'\nwf:\n  tasks:\n");
        for (var i = 0; i < tasks; i++)
        {
            yaml.Append("    t").Append(i).Append(":\n      action: std.noop\n");
        }

        return yaml.ToString();
    }

    [Fact]
    public void A_workflow_with_more_tasks_than_the_limit_is_invalid_with_one_diagnostic_at_its_tasks()
    {
        var result = WorkflowParser.Parse(Chain(6), new ParseOptions { Limits = new DefinitionLimits { MaxTasksPerWorkflow = 5 } });

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("wf.tasks", diagnostic.Path);
        Assert.Equal(4, diagnostic.Line);
        Assert.Equal(
            "Too many tasks: workflow 'wf' has 6, the limit is 5. Split it into sub-workflows, or change the limit with the configuration key Limits:MaxTasksPerWorkflow.",
            diagnostic.Message);
    }

    [Fact]
    public void A_workflow_with_as_many_tasks_as_the_limit_is_valid()
    {
        Assert.True(WorkflowParser.Parse(Chain(5), new ParseOptions { Limits = new DefinitionLimits { MaxTasksPerWorkflow = 5 } }).IsValid);
    }

    [Fact]
    public void A_definition_larger_than_the_limit_is_refused_before_it_is_loaded()
    {
        var yaml = Chain(3) + "# " + new string('x', 200) + "\n";
        var limits = new DefinitionLimits { MaxDefinitionBytes = 100 };

        var result = WorkflowParser.ParseWorkflows(yaml, new ParseOptions { Limits = limits });

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(1, diagnostic.Line);
        Assert.StartsWith($"Definition too large: {Encoding.UTF8.GetByteCount(yaml)} bytes, the limit is 100 bytes.", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains(DefinitionLimits.MaxDefinitionBytesKey, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_size_is_counted_in_utf8_bytes_not_characters()
    {
        var limits = new DefinitionLimits { MaxDefinitionBytes = 30 };

        Assert.Null(limits.CheckSize(new string('a', 30)));
        Assert.NotNull(limits.CheckSize(new string('é', 16)));
    }

    [Fact]
    public void Without_limits_large_definitions_parse_as_before()
    {
        Assert.True(WorkflowParser.Parse(Chain(20)).IsValid);
        Assert.True(WorkflowParser.Parse(Chain(20), new ParseOptions { Limits = new DefinitionLimits { MaxTasksPerWorkflow = 0, MaxDefinitionBytes = 0 } }).IsValid);
    }

    [Fact]
    public void The_defaults_accept_a_thousand_task_chain()
    {
        Assert.True(WorkflowParser.Parse(Chain(1_000), new ParseOptions { Limits = DefinitionLimits.Default }).IsValid);
    }
}
