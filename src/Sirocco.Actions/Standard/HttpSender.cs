using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Sirocco.Actions.Abstractions;
using Sirocco.Expressions.Values;

namespace Sirocco.Actions.Standard;

/// <summary>
/// Sends std.http requests. Redirects are followed here rather than by the handler so that the output's
/// <c>history</c> and <c>url</c> read as in Python's requests; connections are pooled per verify mode.
/// </summary>
internal sealed class HttpSender
{
    private const int MaxRedirects = 30; // requests' default

    private readonly Lazy<HttpClient> _verifying = new(() => CreateClient(CreateHandler(verify: true)));
    private readonly Lazy<HttpClient> _trusting = new(() => CreateClient(CreateHandler(verify: false)));

    public async Task<HttpResult> SendAsync(HttpRequestSpec spec, ActionContext context)
    {
        using var timeout = spec.TimeoutSeconds is { } seconds && seconds > 0
            ? new CancellationTokenSource(TimeSpan.FromSeconds(seconds), context.Time)
            : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, context.CancellationToken);
        HttpClient? ownClient = null;
        try
        {
            var url = HttpRequestFactory.BuildUrl(spec.Url, spec.Params);
            // Mistral passes `verify` only for https URLs.
            var client = url.Scheme == Uri.UriSchemeHttps || spec.Proxies is not null
                ? ClientFor(spec, out ownClient)
                : _verifying.Value;
            var started = context.Time.GetTimestamp();
            var method = new HttpMethod(spec.Method.ToUpperInvariant());
            var withBody = true;
            var history = new List<Value>();
            for (var redirects = 0; ; redirects++)
            {
                using var request = HttpRequestFactory.Create(spec, method, url, withBody);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                var location = response.Headers.Location;
                if (spec.AllowRedirects && location is not null && status is 301 or 302 or 303 or 307 or 308 && redirects < MaxRedirects)
                {
                    history.Add(new StringValue($"<Response [{status}]>"));
                    url = location.IsAbsoluteUri ? location : new Uri(url, location);
                    // As browsers and requests do: 303 always, and 301/302 for POST, turn into a GET without a body.
                    if (status == 303 || (status is 301 or 302 && method == HttpMethod.Post))
                    {
                        method = method == HttpMethod.Head ? method : HttpMethod.Get;
                        withBody = false;
                    }

                    continue;
                }

                var elapsed = context.Time.GetElapsedTime(started);
                var output = await HttpResponseReader.ReadAsync(response, url, history, elapsed, linked.Token).ConfigureAwait(false);
                return new HttpResult(output, status);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new ActionException($"Failed to send HTTP request: timed out after {spec.TimeoutSeconds} seconds");
        }
        catch (Exception e) when (e is HttpRequestException or UriFormatException or InvalidOperationException or IOException or FormatException)
        {
            throw new ActionException($"Failed to send HTTP request: {e.Message}", e);
        }
        finally
        {
            ownClient?.Dispose();
        }
    }

    private HttpClient ClientFor(HttpRequestSpec spec, out HttpClient? ownClient)
    {
        ownClient = null;
        var caBundle = spec.Verify is StringValue path ? path.Value : null;
        var verify = spec.Verify is not BoolValue { Value: false };
        if (caBundle is null && spec.Proxies is null)
        {
            return verify ? _verifying.Value : _trusting.Value;
        }

        // A CA bundle or proxies are rare; they get a handler of their own for this one call.
        var handler = CreateHandler(verify);
        if (caBundle is not null)
        {
            var roots = new X509Certificate2Collection();
            roots.ImportFromPemFile(caBundle);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                certificate is not null && TrustedBy(roots, new X509Certificate2(certificate), errors);
        }

        if (spec.Proxies is not null)
        {
            var proxy = spec.Proxies.Get("https") ?? spec.Proxies.Get("http");
            if (proxy is StringValue address)
            {
                handler.Proxy = new WebProxy(address.Value);
                handler.UseProxy = true;
            }
        }

        ownClient = CreateClient(handler);
        return ownClient;
    }

    private static bool TrustedBy(X509Certificate2Collection roots, X509Certificate2 certificate, SslPolicyErrors errors)
    {
        if ((errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    private static SocketsHttpHandler CreateHandler(bool verify)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        if (!verify)
        {
            // verify=false is the workflow author's explicit choice, as in Mistral.
#pragma warning disable CA5359
            handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
#pragma warning restore CA5359
        }

        return handler;
    }

    private static HttpClient CreateClient(HttpMessageHandler handler) =>
        new(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
}
