using Sirocco.Expressions.Values;

namespace Sirocco.Actions.Standard;

/// <summary>The inputs of one std.http request, checked and defaulted.</summary>
internal sealed record HttpRequestSpec(
    string Url,
    string Method,
    Value Params,
    Value Body,
    Value Json,
    DictValue? Headers,
    DictValue? Cookies,
    string? Auth,
    double? TimeoutSeconds,
    bool AllowRedirects,
    DictValue? Proxies,
    Value Verify);
