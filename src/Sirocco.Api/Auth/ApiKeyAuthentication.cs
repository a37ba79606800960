using System.Security.Cryptography;
using System.Text;
using Sirocco.Api.Hosting;
using Sirocco.Api.Http;

namespace Sirocco.Api.Auth;

/// <summary>
/// API keys when authentication is on: <c>X-Auth-Token: key</c> (what the <c>mistral</c> client sends with
/// <c>--os-auth-token</c>) or <c>Authorization: Bearer key</c>. The version document and the health probe stay open.
/// </summary>
internal static class ApiKeyAuthentication
{
    public static IApplicationBuilder UseApiKeys(this IApplicationBuilder app, ApiOptions options)
    {
        if (!options.AuthEnabled)
        {
            return app;
        }

        if (options.ApiKeys.Count == 0)
        {
            throw new InvalidOperationException("Authentication is enabled but no API key is configured (Auth:ApiKeys).");
        }

        var keys = options.ApiKeys.Select(k => Encoding.UTF8.GetBytes(k)).ToList();
        return app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            // Callback URLs carry their own capability token (Callbacks/CallbackEndpoints.cs).
            if (path == "/" || path == "/health" || path.StartsWithSegments("/v2/callbacks") || Presented(context.Request) is { } key && keys.Any(k => Matches(k, key)))
            {
                await next(context);
                return;
            }

            context.Response.Headers.WWWAuthenticate = "Bearer";
            await ErrorHandling.WriteAsync(context, StatusCodes.Status401Unauthorized,
                "Authentication required: send an API key as X-Auth-Token or Authorization: Bearer.");
        });
    }

    private static string? Presented(HttpRequest request)
    {
        if (request.Headers["X-Auth-Token"].ToString() is { Length: > 0 } token)
        {
            return token;
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
    }

    private static bool Matches(byte[] expected, string presented) =>
        CryptographicOperations.FixedTimeEquals(expected, Encoding.UTF8.GetBytes(presented));
}
