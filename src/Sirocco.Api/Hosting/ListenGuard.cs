using System.Net;

namespace Sirocco.Api.Hosting;

/// <summary>
/// Refuses to start an unauthenticated server on an address other machines can reach: with
/// authentication off, anyone on the network could run workflows (and std.ssh, std.http) as this server.
/// </summary>
internal static class ListenGuard
{
    public static void Check(IEnumerable<string> urls, ApiOptions options)
    {
        if (options.AuthEnabled || options.AllowInsecureRemote)
        {
            return;
        }

        foreach (var url in urls)
        {
            if (!IsLoopback(url))
            {
                throw new InvalidOperationException(
                    $"Refusing to listen on {url} without authentication. Enable API keys (--Auth:Enabled=true --Auth:ApiKeys=<key>), " +
                    "listen on 127.0.0.1, or pass --allow-insecure-remote if the network is trusted.");
            }
        }
    }

    internal static bool IsLoopback(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var rest = schemeEnd >= 0 ? url[(schemeEnd + 3)..] : url;
        var hostEnd = rest.StartsWith('[') ? rest.IndexOf(']', StringComparison.Ordinal) + 1 : rest.IndexOfAny([':', '/']);
        var host = (hostEnd > 0 ? rest[..hostEnd] : rest).Trim('[', ']');
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }
}
