using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Sirocco.Api.Secrets;

namespace Sirocco.Api.Tests.Security;

/// <summary>Secrets reach the workflow but never the API's answers, the UI's data or the logs.</summary>
public sealed class SecretRedactionTests
{
    private const string Password = "hunter2-correct-horse";

    private const string Flow = """
        ---
        version: '2.0'

        login_wf:
          input: [user, db_password, note]
          output:
            user: <% $.user %>
            login_ok: <% $.db_password = 'hunter2-correct-horse' %>
            checked_length: <% len($.db_password) %>
            echoed: <% $.echoed %>
            note: <% $.note %>
          tasks:
            use:
              action: std.echo output=<% $.db_password %>
              publish:
                echoed: <% task().result %>

        refuse_wf:
          input: [api_token]
          tasks:
            check:
              action: std.noop
              on-complete:
                - fail msg="token <% $.api_token %> was refused"
        """;

    [Fact]
    public async Task A_secret_input_reaches_the_workflow_but_not_the_API_output_UI_data_or_logs()
    {
        var variable = "SIROCCO_TEST_SECRET_" + Guid.NewGuid().ToString("N");
        var fromEnvironment = "env-secret-" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, fromEnvironment);
        await using var server = await CapturedServer.StartAsync($"--Secrets:EnvironmentVariables={variable}");
        Assert.Equal(HttpStatusCode.Created, (await server.SendAsync(HttpMethod.Post, "/v2/workflows", Flow, "text/plain")).Status);

        var input = new JsonObject { ["user"] = "ann", ["db_password"] = Password, ["note"] = $"uses {fromEnvironment}" }.ToJsonString();
        var (status, started) = await server.SendAsync(HttpMethod.Post, "/v2/executions", new JsonObject { ["workflow_name"] = "login_wf", ["input"] = input }.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, status);
        var id = started!["id"]!.GetValue<string>();
        var done = await server.PollExecutionAsync(id);
        var output = JsonNode.Parse(done["output"]!.GetValue<string>())!;
        // A request whose URL carries the secret: ASP.NET Core logs the query string.
        await server.SendAsync(HttpMethod.Get, $"/v2/executions?description={Password}");

        var answers = string.Join('\n', [
            started.ToJsonString(),
            done.ToJsonString(),
            (await server.SendAsync(HttpMethod.Get, "/v2/executions?include_output=true")).Body!.ToJsonString(),
            (await server.SendAsync(HttpMethod.Get, $"/v2/executions/{id}/tasks")).Body!.ToJsonString(),
            (await server.SendAsync(HttpMethod.Get, "/v2/tasks")).Body!.ToJsonString(),
            (await server.SendAsync(HttpMethod.Get, "/v2/action_executions?include_output=true")).Body!.ToJsonString(),
        ]);

        Assert.Equal("SUCCESS", done["state"]!.GetValue<string>());
        Assert.True(output["login_ok"]!.GetValue<bool>());
        Assert.Equal(Password.Length, output["checked_length"]!.GetValue<int>());
        Assert.Equal("ann", output["user"]!.GetValue<string>());
        Assert.Equal(SecretRedactor.Mask, output["echoed"]!.GetValue<string>());
        Assert.Equal($"uses {SecretRedactor.Mask}", output["note"]!.GetValue<string>());
        Assert.Equal(SecretRedactor.Mask, JsonNode.Parse(done["input"]!.GetValue<string>())!["db_password"]!.GetValue<string>());
        Assert.DoesNotContain(Password, answers, StringComparison.Ordinal);
        Assert.DoesNotContain(fromEnvironment, answers, StringComparison.Ordinal);
        Assert.Contains("/v2/executions?description=***", server.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, server.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(fromEnvironment, server.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_never_shows_in_state_info()
    {
        await using var server = await CapturedServer.StartAsync();
        await server.SendAsync(HttpMethod.Post, "/v2/workflows", Flow, "text/plain");
        const string Token = "tok-9f8e7d6c5b4a";

        var (_, started) = await server.SendAsync(HttpMethod.Post, "/v2/executions", new JsonObject { ["workflow_name"] = "refuse_wf", ["input"] = new JsonObject { ["api_token"] = Token } }.ToJsonString());
        var done = await server.PollExecutionAsync(started!["id"]!.GetValue<string>());
        var listed = (await server.SendAsync(HttpMethod.Get, "/v2/executions")).Body!.ToJsonString();

        Assert.Equal("ERROR", done["state"]!.GetValue<string>());
        Assert.Equal("token *** was refused", done["state_info"]!.GetValue<string>());
        Assert.DoesNotContain(Token, done.ToJsonString() + listed, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, server.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_answer_that_echoes_a_secret_is_masked_too()
    {
        await using var server = await CapturedServer.StartAsync();
        await server.SendAsync(HttpMethod.Post, "/v2/workflows", Flow, "text/plain");
        var (_, started) = await server.SendAsync(HttpMethod.Post, "/v2/executions", """{"workflow_name": "login_wf", "input": {"user": "u", "db_password": "p", "note": ""}}""");
        await server.PollExecutionAsync(started!["id"]!.GetValue<string>());

        // Mistral's "Invalid input … Value: '…'" error quotes what it refused.
        var (status, refused) = await server.SendAsync(HttpMethod.Put, $"/v2/executions/{started["id"]}", """{"params": {"env": [{"db_password": "leaky-value-123"}]}}""");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("[{\"db_password\":\"***\"}]", refused!["faultstring"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("leaky-value-123", refused.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Members_with_secret_names_are_masked_also_inside_JSON_strings_and_their_values_everywhere()
    {
        var redactor = new SecretRedactor(new SecretOptions { InputNames = ["*password*", "api_key"] });
        var node = JsonNode.Parse("""
            {"input": "{\"Password\": \"pw-1234\", \"api_key\": 42, \"user\": \"bob\"}",
             "state_info": "login with pw-1234 failed", "nested": {"list": [{"db_password": "x"}]}, "keep": 1}
            """);

        redactor.Learn(node);
        var redacted = redactor.Redact(node)!;

        var input = JsonNode.Parse(redacted["input"]!.GetValue<string>())!;
        Assert.Equal("***", input["Password"]!.GetValue<string>());
        Assert.Equal("***", input["api_key"]!.GetValue<string>());
        Assert.Equal("bob", input["user"]!.GetValue<string>());
        Assert.Equal("login with *** failed", redacted["state_info"]!.GetValue<string>());
        Assert.Equal("***", redacted["nested"]!["list"]![0]!["db_password"]!.GetValue<string>());
        Assert.Equal(1, redacted["keep"]!.GetValue<int>());
        Assert.Equal("x", node!["nested"]!["list"]![0]!["db_password"]!.GetValue<string>());
    }

    [Fact]
    public void An_empty_name_list_turns_name_based_masking_off()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Secrets:InputNames"] = "" }).Build();
        var redactor = new SecretRedactor(SecretOptions.From(configuration));

        Assert.False(redactor.IsSecretName("password"));
        Assert.True(new SecretRedactor(new SecretOptions()).IsSecretName("DB_PASSWORD"));
    }

    [Theory]
    [InlineData("""{"state": "SUCCESS", "output": "{\"result\": 1}"}""", false)]
    [InlineData("""{"input": "{\"DB_Password\": \"x\"}"}""", true)]
    [InlineData("""{"input": "{\"p\\u0061ssword\": \"x\"}"}""", true)]
    [InlineData("""{"note": "my-api-key-value here"}""", true)]
    [InlineData("""{"note": "an api"}""", false)]
    [InlineData("""{"params": "{\u0022env\u0022: {}}", "project_id": "\u003Cdefault-project\u003E"}""", false)]
    [InlineData("""{"input": "{\u0022p\u0041ssword\u0022: 1}"}""", true)]
    public void Only_text_that_may_name_or_hold_a_secret_needs_the_full_look(string text, bool expected)
    {
        var redactor = new SecretRedactor(new SecretOptions { InputNames = ["*password*", "api*key"] });
        redactor.Remember("my-api-key-value");

        Assert.Equal(expected, redactor.MayHoldSecrets(text));
    }

    [Fact]
    public void A_pattern_matches_only_when_all_its_literal_parts_appear()
    {
        var redactor = new SecretRedactor(new SecretOptions { InputNames = ["api*key"] });

        Assert.False(redactor.MayHoldSecrets("""{"api": 1}"""));
        Assert.True(redactor.MayHoldSecrets("""{"API_KEY": 1}"""));
    }
}
