using System.Text;
using System.Text.Json;
using Sirocco.Expressions.Values;

namespace Sirocco.Actions.Standard;

/// <summary>Turns a response into std.http's output dictionary (Mistral's field names and meanings).</summary>
internal static class HttpResponseReader
{
    public static async Task<DictValue> ReadAsync(
        HttpResponseMessage response, Uri url, IReadOnlyList<Value> history, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var encoding = EncodingName(response);
        var text = Decode(bytes, encoding);
        Value content;
        try
        {
            // Mistral tries resp.json() whatever the content type and falls back to the text.
            content = text.Length == 0 ? new StringValue(string.Empty) : JsonValues.Parse(text);
        }
        catch (JsonException)
        {
            content = new StringValue(text);
        }

        var headers = response.Headers.Concat(response.Content.Headers)
            .Select(h => new KeyValuePair<string, Value>(h.Key, new StringValue(string.Join(", ", h.Value))));
        return DictValue.From(new KeyValuePair<string, Value>[]
        {
            new("content", content),
            new("status", Value.From((int)response.StatusCode)),
            new("headers", DictValue.From(headers)),
            new("url", new StringValue(url.ToString())),
            new("history", new ListValue(history)),
            new("encoding", Value.From(encoding)),
            new("reason", Value.From(response.ReasonPhrase ?? string.Empty)),
            new("cookies", Cookies(response)),
            new("elapsed", Value.From(elapsed.TotalSeconds)),
        });
    }

    // requests: the charset of Content-Type, else ISO-8859-1 for text/*, else None.
    private static string? EncodingName(HttpResponseMessage response)
    {
        var type = response.Content.Headers.ContentType;
        if (type?.CharSet is { Length: > 0 } charset)
        {
            return charset.Trim('"');
        }

        return type?.MediaType?.StartsWith("text", StringComparison.OrdinalIgnoreCase) == true ? "ISO-8859-1" : null;
    }

    private static string Decode(byte[] bytes, string? encodingName)
    {
        try
        {
            var encoding = encodingName is null ? Encoding.UTF8 : Encoding.GetEncoding(encodingName);
            return encoding.GetString(bytes);
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8.GetString(bytes);
        }
    }

    private static DictValue Cookies(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            return DictValue.Empty;
        }

        var cookies = new List<KeyValuePair<string, Value>>();
        foreach (var header in values)
        {
            var pair = header.Split(';', 2)[0];
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                cookies.Add(new(pair[..eq].Trim(), new StringValue(pair[(eq + 1)..].Trim())));
            }
        }

        return DictValue.From(cookies);
    }
}
