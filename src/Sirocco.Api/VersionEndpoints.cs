using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Sirocco.Api;

/// <summary>The root version document (as Mistral serves it) and the health probe.</summary>
public static class VersionEndpoints
{
    public static IEndpointRouteBuilder MapVersionEndpoints(this IEndpointRouteBuilder app)
    {
        // Mistral answers GET / with the list of API versions; the client reads it to find v2.
        app.MapGet("/", (HttpRequest request) =>
        {
            var baseUrl = $"{request.Scheme}://{request.Host}";
            return Results.Json(new
            {
                versions = new[]
                {
                    new
                    {
                        id = "v2.0",
                        status = "CURRENT",
                        links = new[] { new { href = $"{baseUrl}/v2", target = "v2", rel = "self" } },
                    },
                },
            });
        });
        app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        return app;
    }
}
