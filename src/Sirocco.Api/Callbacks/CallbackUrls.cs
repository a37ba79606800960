using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Sirocco.Api.Callbacks;

/// <summary>The base callback URLs are built on: the configured public URL, else the first address the server listens on.</summary>
internal sealed class CallbackUrls(CallbackOptions options, IServiceProvider services)
{
    public Uri? BaseUrl()
    {
        var configured = options.PublicBaseUrl
            ?? (services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() is { } address
                && Uri.TryCreate(address, UriKind.Absolute, out var listening) ? listening : null);
        if (configured is null)
        {
            return null;
        }

        // new Uri(base, "v2/…") keeps a base path only when it ends with a slash.
        var text = configured.ToString();
        return new Uri(text.EndsWith('/') ? text : text + "/");
    }
}
