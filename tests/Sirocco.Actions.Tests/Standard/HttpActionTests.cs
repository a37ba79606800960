using Sirocco.Actions.Abstractions;
using Sirocco.Actions.Tests.Support;
using Sirocco.Expressions.Values;

namespace Sirocco.Actions.Tests.Standard;

public class HttpActionTests(HttpPeer peer) : IClassFixture<HttpPeer>
{
    private readonly Sirocco.Actions.Registry.ActionRegistry _registry = Contexts.Standard();

    [Fact]
    public async Task Get_json_gives_Mistral_output_shape()
    {
        var outcome = await _registry.RunAsync("std.http", $$"""{"url": "{{peer.Url("/json")}}"}""");

        Assert.True(outcome.IsSuccess);
        var output = (DictValue)outcome.Value;
        Assert.Equal(
            ["content", "status", "headers", "url", "history", "encoding", "reason", "cookies", "elapsed"],
            output.Keys.Select(k => k.ToText()));
        Assert.Equal(JsonValues.Parse("""{"name": "sirocco", "n": 1}"""), output.Get("content"));
        Assert.Equal(Value.From(200), output.Get("status"));
        Assert.Equal(new StringValue("yes"), ((DictValue)output.Get("headers")!).Get("X-Test"));
        Assert.Equal(new StringValue(peer.Url("/json").ToString()), output.Get("url"));
        Assert.Equal(ListValue.Empty, output.Get("history"));
        Assert.Equal(new StringValue("utf-8"), output.Get("encoding"));
        Assert.Equal(new StringValue("OK"), output.Get("reason"));
        Assert.Equal(JsonValues.Parse("""{"session": "abc"}"""), output.Get("cookies"));
        Assert.Equal(ValueKind.Float, output.Get("elapsed")!.Kind);
    }

    [Theory]
    [InlineData("/text-utf8", "héllo", "utf-8")]
    [InlineData("/text-bare", "café", "ISO-8859-1")]
    public async Task Text_content_is_decoded_by_its_encoding(string path, string content, string encoding)
    {
        var output = (DictValue)(await _registry.RunAsync("std.http", $$"""{"url": "{{peer.Url(path)}}"}""")).Value;

        Assert.Equal(new StringValue(content), output.Get("content"));
        Assert.Equal(new StringValue(encoding), output.Get("encoding"));
    }

    [Fact]
    public async Task Encoding_is_null_for_a_non_text_type_without_charset()
    {
        // requests: resp.encoding is None unless the charset is named or the type is text/*.
        var output = (DictValue)(await _registry.RunAsync("std.http", $$"""{"url": "{{peer.Url("/echo")}}"}""")).Value;

        Assert.Equal(Value.Null, output.Get("encoding"));
    }

    [Fact]
    public async Task Params_become_the_query_string_lists_repeat_and_nulls_drop()
    {
        var echo = await EchoAsync($$$"""{"url": "{{{peer.Url("/echo?x=1")}}}", "params": {"a": "b c", "l": [1, 2], "n": null, "t": true}}""");

        Assert.Equal(new StringValue("?x=1&a=b%20c&l=1&l=2&t=True"), echo.Get("query"));
    }

    [Fact]
    public async Task Json_input_is_sent_as_application_json()
    {
        var echo = await EchoAsync($$$"""{"url": "{{{peer.Url("/echo")}}}", "method": "post", "json": {"k": [1, "v"]}}""");

        Assert.Equal(new StringValue("POST"), echo.Get("method"));
        Assert.Equal(new StringValue("application/json"), echo.Get("content_type"));
        Assert.Equal(new StringValue("""{"k":[1,"v"]}"""), echo.Get("body"));
    }

    [Fact]
    public async Task Dict_body_is_sent_as_json_text_without_content_type()
    {
        var echo = await EchoAsync($$$"""{"url": "{{{peer.Url("/echo")}}}", "method": "PUT", "body": {"a": 1}}""");

        Assert.Equal(new StringValue("""{"a":1}"""), echo.Get("body"));
        Assert.Equal(Value.Null, echo.Get("content_type"));
    }

    [Fact]
    public async Task Headers_cookies_and_auth_are_sent()
    {
        var echo = await EchoAsync($$"""
            {"url": "{{peer.Url("/echo")}}", "headers": {"X-Num": 5, "Content-Type": "text/csv"},
             "body": "a,b", "method": "POST", "cookies": {"c1": "v1", "c2": "v2"}, "auth": "user:secret"}
            """);

        var headers = (DictValue)echo.Get("headers")!;
        Assert.Equal(new StringValue("5"), headers.Get("X-Num"));
        Assert.Equal(new StringValue("text/csv"), echo.Get("content_type"));
        Assert.Equal(new StringValue("c1=v1; c2=v2"), headers.Get("Cookie"));
        Assert.Equal(new StringValue("Basic " + Convert.ToBase64String("user:secret"u8.ToArray())), headers.Get("Authorization"));
    }

    [Fact]
    public async Task Status_outside_200_to_306_makes_the_output_the_error()
    {
        var outcome = await _registry.RunAsync("std.http", $$"""{"url": "{{peer.Url("/status/404")}}"}""");

        Assert.True(outcome.IsError);
        var error = (DictValue)outcome.Value;
        Assert.Equal(Value.From(404), error.Get("status"));
        Assert.Equal(JsonValues.Parse("""{"error": "nope"}"""), error.Get("content"));
    }

    [Fact]
    public async Task Redirect_is_not_followed_by_default_and_counts_as_success()
    {
        // Mistral passes allow_redirects=None to requests, which then does not follow; 302 < 307 is success.
        var outcome = await _registry.RunAsync("std.http", $$"""{"url": "{{peer.Url("/redirect")}}"}""");

        Assert.True(outcome.IsSuccess);
        Assert.Equal(Value.From(302), ((DictValue)outcome.Value).Get("status"));
    }

    [Fact]
    public async Task Redirect_is_followed_when_allowed_and_recorded_in_history()
    {
        var output = (DictValue)(await _registry.RunAsync(
            "std.http", $$"""{"url": "{{peer.Url("/redirect")}}", "allow_redirects": true}""")).Value;

        Assert.Equal(Value.From(200), output.Get("status"));
        Assert.Equal(new StringValue(peer.Url("/json").ToString()), output.Get("url"));
        Assert.Equal(JsonValues.Parse("""["<Response [302]>"]"""), output.Get("history"));
    }

    [Fact]
    public async Task Post_redirected_with_302_becomes_a_get_without_body()
    {
        var output = (DictValue)(await _registry.RunAsync(
            "std.http", $$"""{"url": "{{peer.Url("/post-redirect")}}", "method": "POST", "body": "x", "allow_redirects": true}""")).Value;

        var echo = (DictValue)output.Get("content")!;
        Assert.Equal(new StringValue("GET"), echo.Get("method"));
        Assert.Equal(new StringValue(string.Empty), echo.Get("body"));
    }

    [Fact]
    public async Task Timeout_fails_the_request_with_a_clear_message()
    {
        var error = await Assert.ThrowsAsync<ActionException>(
            () => _registry.RunAsync("std.http", $$"""{"url": "{{peer.Url("/slow")}}", "timeout": 0.2}"""));

        Assert.Equal("Failed to send HTTP request: timed out after 0.2 seconds", error.Message);
    }

    [Fact]
    public async Task Refused_connection_fails_with_Mistral_prefix()
    {
        var port = FreePort.Next();

        var error = await Assert.ThrowsAsync<ActionException>(
            () => _registry.RunAsync("std.http", $$"""{"url": "http://127.0.0.1:{{port}}/"}"""));

        Assert.StartsWith("Failed to send HTTP request: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_and_json_together_are_refused()
    {
        var error = await Assert.ThrowsAsync<ActionException>(
            () => _registry.RunAsync("std.http", $$$"""{"url": "{{{peer.Url("/echo")}}}", "body": "x", "json": {"a": 1}}"""));

        Assert.Equal("Only one of the parameters 'json' and 'body' can be passed", error.Message);
    }

    [Fact]
    public async Task Mistral_http_sends_the_callback_headers_and_stays_pending()
    {
        var action = _registry.Find("std.mistral_http")!.Create(
            Contexts.Input($$$"""{"url": "{{{peer.Url("/capture/delegate")}}}", "method": "POST", "headers": {"X-Own": "kept"}}"""));

        var outcome = await action.RunAsync(Contexts.Context(actionExecutionId: "ae-42"));

        Assert.True(outcome.IsPending);
        var headers = peer.Captured["delegate"];
        Assert.Equal("wf", headers["Mistral-Workflow-Name"]);
        Assert.Equal("ex-1", headers["Mistral-Workflow-Execution-Id"]);
        Assert.Equal("ex-1", headers["Mistral-Execution-Id"]);
        Assert.Equal("te-1", headers["Mistral-Task-Id"]);
        Assert.Equal("ae-42", headers["Mistral-Action-Execution-Id"]);
        Assert.Equal("http://127.0.0.1:8989/v2/callbacks/ae-1/token", headers["Mistral-Callback-URL"]);
        Assert.Equal("kept", headers["X-Own"]);
    }

    [Fact]
    public async Task Plain_http_sends_no_Mistral_headers()
    {
        await _registry.RunAsync("std.http", $$"""{"url": "{{peer.Url("/capture/plain")}}", "method": "POST"}""");

        Assert.DoesNotContain(peer.Captured["plain"].Keys, k => k.StartsWith("Mistral-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Mistral_http_with_a_failed_request_is_an_error_not_pending()
    {
        var action = _registry.Find("std.mistral_http")!.Create(Contexts.Input($$"""{"url": "{{peer.Url("/status/500")}}"}"""));

        var outcome = await action.RunAsync(Contexts.Context());

        Assert.True(outcome.IsError);
        Assert.Equal(Value.From(500), ((DictValue)outcome.Value).Get("status"));
    }

    private async Task<DictValue> EchoAsync(string input)
    {
        var outcome = await _registry.RunAsync("std.http", input);
        Assert.True(outcome.IsSuccess, outcome.ToString());
        return (DictValue)((DictValue)outcome.Value).Get("content")!;
    }
}
