namespace Sirocco.Api.Hosting;

/// <summary><c>GET /v2</c> and <c>GET /v2/services</c>.</summary>
internal static class ServiceEndpoints
{
    public static void Map(RouteGroupBuilder v2)
    {
        v2.MapGet("/", (HttpRequest request) => Http.ApiResults.Json(new JsonObject { ["uri"] = $"{request.Scheme}://{request.Host}/v2" }))
            .WithTags("Version").WithSummary("The v2 API root");

        // Mistral lists the members of its coordination groups; `sirocco server` runs every role in this process.
        v2.MapGet("/services", () =>
        {
            var host = Environment.MachineName;
            var services = new JsonArray([.. new[] { "api", "engine", "executor", "scheduler" }
                .Select(role => (JsonNode)new JsonObject { ["name"] = $"{host}_{role}", ["type"] = $"{role}_group" })]);
            return Http.ApiResults.Json(new JsonObject { ["services"] = services });
        }).WithTags("Services").WithSummary("Running service roles");
    }
}
