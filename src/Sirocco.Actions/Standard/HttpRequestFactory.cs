using System.Net.Http.Headers;
using System.Text;
using Sirocco.Actions.Abstractions;
using Sirocco.Expressions.Values;

namespace Sirocco.Actions.Standard;

/// <summary>Builds the request message of std.http the way Python's requests would send it.</summary>
internal static class HttpRequestFactory
{
    public static Uri BuildUrl(string url, Value parameters)
    {
        var uri = new Uri(url, UriKind.Absolute);
        var query = parameters switch
        {
            DictValue dict => string.Join('&', dict.SelectMany(entry => QueryPairs(JsonValues.KeyText(entry.Key), entry.Value))),
            StringValue s => s.Value,
            _ => string.Empty,
        };
        if (query.Length == 0)
        {
            return uri;
        }

        var builder = new UriBuilder(uri);
        builder.Query = builder.Query.Length > 1 ? builder.Query[1..] + "&" + query : query;
        return builder.Uri;
    }

    public static HttpRequestMessage Create(HttpRequestSpec spec, HttpMethod method, Uri url, bool withBody)
    {
        var request = new HttpRequestMessage(method, url);
        if (withBody)
        {
            request.Content = CreateContent(spec);
        }

        foreach (var (key, value) in spec.Headers ?? DictValue.Empty)
        {
            if (value.IsNull)
            {
                continue;
            }

            // Mistral turns numeric header values into text; .NET needs strings anyway.
            var name = JsonValues.KeyText(key);
            var text = value.ToText();
            if (!request.Headers.TryAddWithoutValidation(name, text))
            {
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.Remove(name);
                request.Content.Headers.TryAddWithoutValidation(name, text);
            }
        }

        if (spec.Cookies is { Count: > 0 } cookies)
        {
            request.Headers.TryAddWithoutValidation(
                "Cookie", string.Join("; ", cookies.Select(c => $"{JsonValues.KeyText(c.Key)}={c.Value.ToText()}")));
        }

        if (!string.IsNullOrEmpty(spec.Auth))
        {
            var parts = spec.Auth.Split(':');
            if (parts.Length != 2)
            {
                throw new ActionException("Failed to send HTTP request: auth must read 'user:password'");
            }

            request.Headers.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(spec.Auth)));
        }

        return request;
    }

    private static HttpContent? CreateContent(HttpRequestSpec spec)
    {
        if (spec.Json.IsTruthy || spec.Json is DictValue or ListValue)
        {
            var json = new ByteArrayContent(Encoding.UTF8.GetBytes(spec.Json.ToJson()));
            json.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return json;
        }

        // requests sends a text body without a Content-Type; Mistral sends a dict body as JSON text.
        return spec.Body switch
        {
            NullValue => null,
            StringValue s => new ByteArrayContent(Encoding.UTF8.GetBytes(s.Value)),
            var other => new ByteArrayContent(Encoding.UTF8.GetBytes(other.ToJson())),
        };
    }

    private static IEnumerable<string> QueryPairs(string key, Value value)
    {
        // requests leaves out None values and repeats the key for each item of a list.
        var items = value is ListValue list ? list.Items.AsEnumerable() : [value];
        return items.Where(item => !item.IsNull)
            .Select(item => $"{Uri.EscapeDataString(key)}={Uri.EscapeDataString(item.ToText())}");
    }
}
