namespace Sirocco.Api.Tests.Infrastructure;

/// <summary>Definitions used across the tests.</summary>
public static class Samples
{
    public const string Workflow = """
        ---
        version: '2.0'

        demo_wf:
          description: Says hello
          tags: [demo]
          input:
            - name
            - greeting: hello
          output:
            text: <% $.greeting %>
          tasks:
            say:
              action: std.echo output=<% $.name %>
        """;

    public const string TwoWorkflows = """
        ---
        version: '2.0'

        first_wf:
          tasks:
            a:
              action: std.noop
        second_wf:
          input: [x]
          tasks:
            b:
              action: std.echo output=<% $.x %>
        """;

    public const string InvalidWorkflow = """
        ---
        version: '2.0'

        broken_wf:
          tasks:
            a:
              action: std.noop
              on-success: [missing_task]
        """;

    public const string Workbook = """
        ---
        version: '2.0'
        name: demo_wb
        tags: [wb]
        workflows:
          hello:
            tasks:
              say:
                action: std.echo output="hi"
        actions:
          greet:
            base: std.echo
            base-input:
              output: hi
        """;

    public const string Actions = """
        ---
        version: '2.0'

        my_echo:
          description: Echoes with a prefix
          base: std.echo
          base-input:
            output: <% $.text %>
          input:
            - text
        """;

    public static string NamedWorkflow(string name) => $"""
        ---
        version: '2.0'

        {name}:
          tasks:
            a:
              action: std.noop
        """;
}
