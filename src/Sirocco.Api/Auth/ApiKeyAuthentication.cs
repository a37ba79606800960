using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Sirocco.Api.Hosting;
using Sirocco.Api.Http;
using Sirocco.Api.Projects;

namespace Sirocco.Api.Auth;

/// <summary>
/// API keys when authentication is on: <c>X-Auth-Token: key</c> (what the <c>mistral</c> client sends with
/// <c>--os-auth-token</c>) or <c>Authorization: Bearer key</c>. A missing, wrong, expired or revoked key is a 401,
/// a scope too small for the call a 403, a key over its rate limit a 429 with <c>Retry-After</c>. The version
/// document, the health probe and callback URLs (which carry their own token) stay open.
/// </summary>
internal static class ApiKeyAuthentication
{
    public static IApplicationBuilder UseApiKeys(this IApplicationBuilder app, ApiOptions options)
    {
        if (!options.AuthEnabled)
        {
            return app;
        }

        // Keys given in configuration are the operator's bootstrap keys: admin scope, default project.
        var configured = options.ApiKeys.Select(k => Encoding.UTF8.GetBytes(k)).ToList();
        var keys = app.ApplicationServices.GetRequiredService<SqlApiKeyStore>();
        var limiter = app.ApplicationServices.GetRequiredService<KeyRateLimiter>();
        var clock = app.ApplicationServices.GetRequiredService<TimeProvider>();
        return app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (path == "/" || path == "/health" || path.StartsWithSegments("/v2/callbacks"))
            {
                await next(context);
                return;
            }

            var caller = Presented(context.Request) is { } key
                ? await IdentifyAsync(key, configured, keys, clock.GetUtcNow(), context.RequestAborted)
                : null;
            if (caller is null)
            {
                await RefuseAsync(context, StatusCodes.Status401Unauthorized,
                    "Authentication required: send a valid, unexpired API key as X-Auth-Token or Authorization: Bearer.", ("WWW-Authenticate", "Bearer"));
                return;
            }

            if (caller.Scope < Required(context.Request))
            {
                await RefuseAsync(context, StatusCodes.Status403Forbidden,
                    $"The API key's scope ({caller.Scope.ToString().ToLowerInvariant()}) does not allow {context.Request.Method} {path}.");
                return;
            }

            if (limiter.TryAcquire(caller.KeyId) is { } wait)
            {
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await RefuseAsync(context, StatusCodes.Status429TooManyRequests, $"Too many requests for this API key; retry in {seconds} s.", ("Retry-After", seconds));
                return;
            }

            caller.AttachTo(context);
            ProjectScope.Enter(caller.ProjectId);
            await next(context);
        });
    }

    /// <summary>Read = GET only; write = the state-changing calls on Mistral resources; admin = key management.</summary>
    internal static ApiKeyScope Required(HttpRequest request) =>
        request.Path.StartsWithSegments("/v2/keys") ? ApiKeyScope.Admin
        : HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) ? ApiKeyScope.Read
        : ApiKeyScope.Write;

    private static async Task<Caller?> IdentifyAsync(string presented, List<byte[]> configured, SqlApiKeyStore keys, DateTimeOffset now, CancellationToken cancel)
    {
        if (ApiKeySecret.TryParse(presented, out var id, out _))
        {
            var stored = await keys.FindAsync(id, cancel);
            return stored is not null && ApiKeySecret.Matches(stored.KeyHash, presented) && stored.IsValidAt(now)
                ? new Caller(stored.Id, stored.Scope, stored.ProjectId)
                : null;
        }

        var bytes = Encoding.UTF8.GetBytes(presented);
        for (var i = 0; i < configured.Count; i++)
        {
            if (CryptographicOperations.FixedTimeEquals(configured[i], bytes))
            {
                return new Caller("config-" + i.ToString(CultureInfo.InvariantCulture), ApiKeyScope.Admin, ProjectScope.DefaultProject);
            }
        }

        return null;
    }

    private static Task RefuseAsync(HttpContext context, int status, string message, (string Name, string Value)? header = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        if (header is var (name, value))
        {
            context.Response.Headers[name] = value;
        }

        return context.Response.WriteAsync(ErrorHandling.Body(status, message), context.RequestAborted);
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
}
