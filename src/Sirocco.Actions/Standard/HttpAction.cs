using Sirocco.Actions.Abstractions;
using Sirocco.Expressions.Values;

namespace Sirocco.Actions.Standard;

/// <summary>
/// std.http: one HTTP request, with Mistral's parameters (those of Python's <c>requests.request</c>)
/// and its output shape. A status outside 200–306 makes the same dictionary the error.
/// </summary>
[Action("std.http", Description = "Sends an HTTP request; outputs content, status, headers, url, encoding, reason, cookies, elapsed.")]
internal class HttpAction(HttpSender sender) : IAction
{
    [ActionInput("url", Required = true)]
    public string Url { get; set; } = string.Empty;

    [ActionInput("method")]
    public string Method { get; set; } = "GET";

    [ActionInput("params")]
    public Value Params { get; set; } = Value.Null;

    [ActionInput("body")]
    public Value Body { get; set; } = Value.Null;

    [ActionInput("json")]
    public Value Json { get; set; } = Value.Null;

    [ActionInput("headers")]
    public DictValue? Headers { get; set; }

    [ActionInput("cookies")]
    public DictValue? Cookies { get; set; }

    [ActionInput("auth")]
    public string? Auth { get; set; }

    [ActionInput("timeout")]
    public double? Timeout { get; set; }

    [ActionInput("allow_redirects")]
    public bool? AllowRedirects { get; set; }

    [ActionInput("proxies")]
    public DictValue? Proxies { get; set; }

    [ActionInput("verify")]
    public Value Verify { get; set; } = Value.Null;

    public virtual async ValueTask<ActionOutcome> RunAsync(ActionContext context)
    {
        var result = await SendAsync(context, Headers).ConfigureAwait(false);
        return result.IsSuccessStatus ? ActionOutcome.Success(result.Output) : ActionOutcome.Error(result.Output);
    }

    private protected async Task<HttpResult> SendAsync(ActionContext context, DictValue? headers)
    {
        if (Body.IsTruthy && Json.IsTruthy)
        {
            throw new ActionException("Only one of the parameters 'json' and 'body' can be passed");
        }

        var request = new HttpRequestSpec(
            Url, Method, Params, Body, Json, headers, Cookies, Auth, Timeout,
            AllowRedirects ?? false, Proxies, Verify);
        return await sender.SendAsync(request, context).ConfigureAwait(false);
    }
}
