using Sirocco.Language.Model;
using Sirocco.Language.Parsing;

namespace Sirocco.Language.Tests.Parsing;

public sealed class YamlLoaderTests
{
    [Theory]
    [InlineData(100_000)]
    [InlineData(YamlLoader.MaxDepth + 1)]
    public void Deep_flow_nesting_is_a_diagnostic_not_a_stack_overflow(int depth)
    {
        var text = "version: '2.0'\nwf:\n  vars:\n    x: " + new string('[', depth) + new string(']', depth) + "\n";

        var diagnostic = Assert.Single(WorkflowParser.Parse(text).Diagnostics);

        // The root mapping, 'wf' and 'vars' are three levels; the first '[' over the limit is reported.
        Assert.Equal(new SourceLocation(4, 8 + YamlLoader.MaxDepth - 3), diagnostic.Location);
        Assert.Equal($"nesting deeper than {YamlLoader.MaxDepth} levels is not supported", diagnostic.Message);
    }

    [Fact]
    public void Deep_compact_block_nesting_is_refused_too()
    {
        var text = "version: '2.0'\nwf:\n  vars:\n    x:\n      " + string.Concat(Enumerable.Repeat("- ", 50_000)) + "1\n";

        Assert.Contains(WorkflowParser.Parse(text).Diagnostics, d => d.Message.StartsWith("nesting deeper", StringComparison.Ordinal));
    }

    [Fact]
    public void Nesting_within_the_limit_is_fine()
    {
        var text = "version: '2.0'\nwf:\n  vars:\n    x: " + new string('[', 200) + new string(']', 200) +
                   "\n  tasks:\n    t1:\n      action: std.noop\n";

        Assert.True(WorkflowParser.Parse(text).IsValid);
    }

    [Fact]
    public void Bracket_heavy_but_shallow_text_is_not_refused()
    {
        var items = string.Join(", ", Enumerable.Repeat("[1, {\"a\": [2]}]", 2_000));
        var text = $"version: '2.0'\nwf:\n  vars:\n    x: [{items}]\n  tasks:\n    t1:\n      action: std.noop\n";

        Assert.True(WorkflowParser.Parse(text).IsValid);
    }

    [Fact]
    public void Every_duplicate_key_is_reported_with_its_path_and_the_first_occurrence_counts()
    {
        const string text = "version: '2.0'\nwf:\n  tasks:\n    t1:\n      action: std.noop\n      action: std.echo\n" +
                            "    t1:\n      action: other\n";

        var result = WorkflowParser.Parse(text);

        Assert.Equal(
            [
                "6:7 wf.tasks.t1.action: duplicate key 'action' (names of workflows, tasks, actions and keys must be unique)",
                "7:5 wf.tasks.t1: duplicate key 't1' (names of workflows, tasks, actions and keys must be unique)",
            ],
            result.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Keys_that_differ_only_in_quoting_are_still_duplicates()
    {
        var result = WorkflowParser.Parse("version: '2.0'\nwf:\n  tasks:\n    t1: {}\n    't1': {}\n");

        Assert.Contains(result.Diagnostics, d => d.Message.StartsWith("duplicate key 't1'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_second_document_is_refused_where_it_starts()
    {
        var diagnostic = Assert.Single(WorkflowParser.Parse("version: '2.0'\n---\nwf: {}\n").Diagnostics);

        Assert.Equal("3:1: a definition must be a single YAML document", diagnostic.ToString());
    }
}
