using System.Text.Json;

namespace Sirocco.Cli.Tests;

public sealed class RunCommandTests : IDisposable
{
    private const string Greeting = """
        version: '2.0'
        greet:
          input:
            - name
          output:
            text: <% $.text %>
          tasks:
            hello:
              action: std.echo output="Hello, <% $.name %>"
              publish:
                text: <% task().result %>
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("sirocco-run-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Successful_run_prints_the_json_document_and_exits_0()
    {
        var (exit, output, _) = await Run(Greeting, "--input", """{"name": "Neo"}""", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("SUCCESS", root.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("state_info").ValueKind);
        Assert.Equal("Hello, Neo", root.GetProperty("output").GetProperty("text").GetString());
        var task = Assert.Single(root.GetProperty("tasks").EnumerateArray());
        Assert.Equal("hello", task.GetProperty("name").GetString());
        Assert.Equal("SUCCESS", task.GetProperty("state").GetString());
        Assert.Equal("Hello, Neo", task.GetProperty("result").GetString());
        Assert.Equal("Hello, Neo", task.GetProperty("published").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Failed_workflow_exits_1_with_Mistral_state_info()
    {
        const string Yaml = """
            version: '2.0'
            wf:
              tasks:
                first:
                  action: std.noop
                  on-success: [boom]
                boom:
                  action: std.fail
            """;

        var (exit, output, _) = await Run(Yaml, "--json");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("ERROR", json.RootElement.GetProperty("state").GetString());
        Assert.StartsWith("Failure caused by error in tasks: boom", json.RootElement.GetProperty("state_info").GetString(), StringComparison.Ordinal);
        Assert.Equal(["first", "boom"], json.RootElement.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Invalid_definition_exits_2_with_diagnostics()
    {
        var (exit, _, error) = await Run("version: '2.0'\nwf:\n  tasks:\n    t:\n      on-success: [missing]\n");

        Assert.Equal(2, exit);
        Assert.Contains("missing", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_input_exits_2_with_Mistral_message()
    {
        var (exit, _, error) = await Run(Greeting);

        Assert.Equal(2, exit);
        Assert.Contains("Invalid input [name=greet, class=DirectWorkflowSpec, missing=['name']]", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Input_that_is_not_json_exits_2()
    {
        var (exit, _, error) = await Run(Greeting, "--input", "{not json");

        Assert.Equal(2, exit);
        Assert.StartsWith("error:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Input_is_read_from_a_file_with_at_sign()
    {
        var inputFile = Path.Combine(_folder, "input.json");
        await File.WriteAllTextAsync(inputFile, """{"name": "Trinity"}""");

        var (exit, output, _) = await Run(Greeting, "--input", "@" + inputFile, "--json");

        Assert.Equal(0, exit);
        Assert.Contains("Hello, Trinity", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workflow_option_picks_the_workflow_and_params_carry_env_and_task_name()
    {
        const string Yaml = """
            version: '2.0'
            first:
              tasks:
                t:
                  action: std.noop
            rev:
              type: reverse
              tasks:
                a:
                  action: std.echo output=<% env().word %>
                b:
                  requires: [a]
                  publish:
                    got: <% task(a).result %>
            """;

        var (exit, output, _) = await Run(Yaml, "--workflow", "rev", "--params", """{"task_name": "b", "env": {"word": "ok"}}""", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("ok", json.RootElement.GetProperty("output").GetProperty("got").GetString());
    }

    [Fact]
    public async Task Policies_run_on_real_time()
    {
        const string Yaml = """
            version: '2.0'
            wf:
              tasks:
                flaky:
                  action: std.fail
                  wait-before: 1
                  retry:
                    count: 1
                    delay: 1
                  on-error: [recover]
                recover:
                  action: std.echo output="recovered"
            """;

        var (exit, output, _) = await Run(Yaml, "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var tasks = json.RootElement.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal("ERROR", tasks[0].GetProperty("state").GetString());
        Assert.Equal("recovered", tasks[1].GetProperty("result").GetString());
    }

    [Fact]
    public async Task Unknown_workflow_name_exits_2()
    {
        var (exit, _, error) = await Run(Greeting, "--workflow", "nope");

        Assert.Equal(2, exit);
        Assert.Contains("no workflow 'nope'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_output_lists_tasks_and_output()
    {
        var (exit, output, _) = await Run(Greeting, "--input", """{"name": "Neo"}""");

        Assert.Equal(0, exit);
        Assert.Contains("(greet): SUCCESS", output, StringComparison.Ordinal);
        Assert.Contains("hello: SUCCESS", output, StringComparison.Ordinal);
        Assert.Contains("Output: {\"text\":\"Hello, Neo\"}", output, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output, string Error)> Run(string yaml, params string[] options)
    {
        var file = Path.Combine(_folder, "wf.yaml");
        await File.WriteAllTextAsync(file, yaml);
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApp.BuildRoot().Parse(["run", file, .. options], CliApp.Parsing)
            .InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
