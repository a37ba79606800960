using Sirocco.Language.Model;
using Sirocco.Language.Parsing;

namespace Sirocco.Language.Tests.Parsing;

public sealed class NestingGuardTests
{
    [Theory]
    [InlineData(100_000)]
    [InlineData(NestingGuard.MaxDepth + 1)]
    public void Deep_flow_nesting_is_a_diagnostic_not_a_stack_overflow(int depth)
    {
        var text = "version: '2.0'\nwf:\n  vars:\n    x: " + new string('[', depth) + new string(']', depth) + "\n";

        var diagnostic = Assert.Single(WorkflowParser.Parse(text).Diagnostics);

        // The root mapping, 'wf' and 'vars' are three levels; the first '[' over the limit is reported.
        Assert.Equal(new SourceLocation(4, 8 + NestingGuard.MaxDepth - 3), diagnostic.Location);
        Assert.Equal($"nesting deeper than {NestingGuard.MaxDepth} levels is not supported", diagnostic.Message);
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
}
