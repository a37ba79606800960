using Sirocco.Expressions.Values;
using Sirocco.Language.Model;

namespace Sirocco.Language.Tests;

/// <summary>Documents, workflows and ad-hoc actions as a whole: kinds, interfaces, definitions, signatures.</summary>
public sealed class DocumentModelTests
{
    private const string TwoWorkflows = """
        version: '2.0'

        first:
          input:
            - a
            - b: 1
          tasks:
            t1:
              action: std.noop

        second:
          type: reverse
          tasks:
            t1:
              action: std.noop
        """;

    private static WorkflowDocument Valid(ParseResult result)
    {
        Assert.True(result.IsValid, string.Join("\n", result.Diagnostics));
        return result.Document!;
    }

    [Fact]
    public void Workflows_keep_file_order_type_and_whole_text()
    {
        var document = Valid(WorkflowParser.Parse(TwoWorkflows));

        Assert.Equal(DocumentKind.Workflows, document.Kind);
        Assert.Equal(["first", "second"], document.Workflows.Select(w => w.Name));
        Assert.Equal([WorkflowType.Direct, WorkflowType.Reverse], document.Workflows.Select(w => w.Type));
        Assert.Equal(TwoWorkflows, document.Definition);
    }

    [Fact]
    public void Each_workflow_keeps_its_own_text_slice()
    {
        var document = Valid(WorkflowParser.Parse(TwoWorkflows));

        Assert.Equal("version: '2.0'\n\nfirst:\n  input:\n    - a\n    - b: 1\n  tasks:\n    t1:\n      action: std.noop\n", document.Workflows[0].Definition);
        Assert.StartsWith("version: '2.0'\n\nsecond:\n  type: reverse\n", document.Workflows[1].Definition, StringComparison.Ordinal);
        Assert.Equal(new SourceLocation(3, 1), document.Workflows[0].Location);
    }

    [Fact]
    public void Text_slices_end_with_their_workflow_for_block_scalars_and_flow_style()
    {
        const string yaml = "version: '2.0'\na:\n  tasks:\n    t1:\n      action: std.noop\n  description: |\n    text\n" +
                            "b: {tasks: {t1: {action: std.noop}}}  # flow\nc:\n  tasks:\n    t1: {action: std.noop}\n";

        var workflows = Valid(WorkflowParser.Parse(yaml)).Workflows;

        Assert.Equal("version: '2.0'\n\na:\n  tasks:\n    t1:\n      action: std.noop\n  description: |\n    text\n", workflows[0].Definition);
        Assert.Equal("version: '2.0'\n\nb: {tasks: {t1: {action: std.noop}}}  # flow\n", workflows[1].Definition);
        Assert.Equal("version: '2.0'\n\nc:\n  tasks:\n    t1: {action: std.noop}\n", workflows[2].Definition);
    }

    [Theory]
    [InlineData("- a", "a")]
    [InlineData("- a\n    - b: 1", "a, b=\"1\"")]
    [InlineData("- s: text", "s=\"text\"")]
    [InlineData("- n: null", "n=\"None\"")]
    [InlineData("- f: true", "f=\"True\"")]
    [InlineData("- l: [1, a]", "l=\"[1, 'a']\"")]
    [InlineData("- d: {k: v}", "d=\"{'k': 'v'}\"")]
    [InlineData("- x: 1.5", "x=\"1.5\"")]
    public void Workflow_input_signature_matches_Mistral(string input, string signature)
    {
        var yaml = $"version: '2.0'\nwf:\n  input:\n    {input}\n  tasks:\n    t1:\n      action: std.noop\n";

        Assert.Equal(signature, Valid(WorkflowParser.Parse(yaml)).Workflows[0].InputSignature);
    }

    [Fact]
    public void A_file_with_one_workflow_keeps_the_whole_text()
    {
        const string yaml = "# comment\nversion: '2.0'\nwf:\n  tasks:\n    t1:\n      action: std.noop\n";

        Assert.Equal(yaml, Valid(WorkflowParser.Parse(yaml)).Workflows[0].Definition);
    }

    [Fact]
    public void Input_defaults_distinguish_missing_from_null()
    {
        var yaml = "version: '2.0'\nwf:\n  input:\n    - required\n    - optional: null\n  tasks:\n    t1:\n      action: std.noop\n";

        var input = Valid(WorkflowParser.Parse(yaml)).Workflows[0].Input;

        Assert.False(input[0].HasDefault);
        Assert.True(input[1].HasDefault);
        Assert.Equal(Value.Null, input[1].Default);
    }

    [Fact]
    public void Workbook_reads_metadata_workflows_and_actions()
    {
        const string yaml = """
            version: '2.0'
            name: wb
            description: A workbook.
            tags: [x, y]
            actions:
              greet:
                base: std.echo output="hi"
                base-input:
                  extra: 1
                input:
                  - who
                  - greeting: Hello
                  - times: 2
                output: <% $ %>
                description: Greets.
                tags: [t]
            workflows:
              main:
                tasks:
                  t1:
                    action: greet who="me"
            """;

        var document = Valid(WorkflowParser.Parse(yaml, new ParseOptions { Namespace = "ns1" }));

        Assert.Equal(DocumentKind.Workbook, document.Kind);
        Assert.Equal(("wb", "A workbook.", "ns1"), (document.Name, document.Description, document.Namespace));
        Assert.Equal<string>(["x", "y"], document.Tags);
        var action = Assert.Single(document.Actions);
        Assert.Equal("std.echo", action.Base);
        Assert.Equal(DictValue.From([new("extra", Value.From(1)), new KeyValuePair<string, Value>("output", Value.From("hi"))]), action.BaseInput);
        Assert.Equal("who, greeting=\"Hello\", times=2", action.InputSignature);
        Assert.Equal(Value.From("<% $ %>"), action.Output);
        Assert.Equal(("Greets.", "t"), (action.Description, action.Tags.Single()));
        Assert.Equal("main", document.FindWorkflow("main")!.Name);
        Assert.StartsWith("greet:\n  base: std.echo", action.Definition, StringComparison.Ordinal);
        Assert.Equal("main:\n  tasks:\n    t1:\n      action: greet who=\"me\"\n", document.Workflows[0].Definition);
    }

    [Fact]
    public void Action_file_is_recognised_without_being_told()
    {
        var document = Valid(WorkflowParser.Parse("version: '2.0'\na1:\n  base: std.noop\na2:\n  base: a1\n"));

        Assert.Equal(DocumentKind.Actions, document.Kind);
        Assert.Equal(["a1", "a2"], document.Actions.Select(a => a.Name));
        Assert.All(document.Actions, a => Assert.Equal(document.Definition, a.Definition));
        Assert.NotNull(document.FindAction("a2"));
    }

    [Fact]
    public void Explicit_kind_wins_over_guessing()
    {
        var result = WorkflowParser.ParseWorkbook("version: '2.0'\nwf:\n  tasks:\n    t1:\n      action: std.noop\n");

        Assert.Contains(result.Diagnostics, d => d.Message == "missing required key 'name' of the workbook");
    }

    [Fact]
    public void Task_defaults_and_reverse_requires()
    {
        const string yaml = """
            version: '2.0'
            wf:
              type: reverse
              task-defaults:
                requires: [init]
                retry: count=1 delay=2
                timeout: 10
                safe-rerun: true
              tasks:
                init:
                  action: std.noop
                work:
                  requires: init
            """;

        var workflow = Valid(WorkflowParser.Parse(yaml)).Workflows[0];

        var defaults = workflow.TaskDefaults!;
        Assert.Equal<string>(["init"], defaults.Requires);
        Assert.Equal(Value.From(2), defaults.Retry!.Delay);
        Assert.Equal(Value.From(10), defaults.Timeout);
        Assert.Equal(Value.True, defaults.SafeRerun);
        Assert.Equal<string>(["init"], workflow.FindTask("work")!.Requires);
    }

    [Fact]
    public void Outputs_and_vars_keep_order()
    {
        var yaml = "version: '2.0'\nwf:\n  vars:\n    z: 1\n    a: 2\n  output:\n    y: <% $.z %>\n    b: 3\n" +
                   "  output-on-error:\n    e: <% $.a %>\n  tasks:\n    t1:\n      action: std.noop\n";

        var workflow = Valid(WorkflowParser.Parse(yaml)).Workflows[0];

        Assert.Equal(["z", "a"], workflow.Vars.Keys.Select(k => k.ToText()));
        Assert.Equal(["y", "b"], workflow.Output.Keys.Select(k => k.ToText()));
        Assert.Equal(Value.From("<% $.a %>"), workflow.OutputOnError.Get("e"));
    }
}
