using Microsoft.AspNetCore.StaticFiles;

namespace Sirocco.Api.Ui;

/// <summary>
/// The web UI at <c>/ui</c>: its built files (embedded in this assembly by the build, see
/// <c>src/Sirocco.Ui</c>) and the two UI-only endpoints under <c>/ui/api</c> — the task graph of a workflow
/// and the live event stream of an execution. Everything else the UI does goes through <c>/v2</c>.
/// </summary>
internal static class UiEndpoints
{
    private const string Prefix = "/ui";
    private const string ResourcePrefix = "ui/";
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>
    /// Serves the static files ahead of the API-key check (the page itself holds no data and asks for the key)
    /// and maps <c>/ui/api</c>, which stays behind it like <c>/v2</c>.
    /// </summary>
    public static WebApplication UseSiroccoUi(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
                || !path.StartsWithSegments(Prefix, out var rest)
                || rest.StartsWithSegments("/api"))
            {
                await next(context);
                return;
            }

            if (!rest.HasValue)
            {
                context.Response.Redirect("/ui/");
                return;
            }

            await ServeAsync(context, rest.Value!.TrimStart('/'));
        });

        var api = app.MapGroup("/ui/api").ExcludeFromDescription();
        api.MapGet("/workflows/{id}/graph", WorkflowGraph.GetAsync);
        api.MapGet("/executions/{id}/events", ExecutionEvents.Stream);
        return app;
    }

    private static async Task ServeAsync(HttpContext context, string file)
    {
        // Unknown paths fall back to the page: the UI routes with the URL fragment, but a reload of a deep
        // link must not 404.
        var name = file.Length == 0 ? "index.html" : file;
        var stream = Open(name);
        if (stream is null && !name.Contains('.', StringComparison.Ordinal))
        {
            name = "index.html";
            stream = Open(name);
        }

        if (stream is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync(Open("index.html") is null
                ? "The web UI was not built into this server (build without SiroccoSkipUi to include it)."
                : $"Not found: {context.Request.Path}");
            return;
        }

        await using (stream)
        {
            context.Response.ContentType = ContentTypes.TryGetContentType(name, out var type) ? type : "application/octet-stream";
            // Vite names every asset after its content hash, so assets never change; the page must be re-read.
            context.Response.Headers.CacheControl = name.StartsWith("assets/", StringComparison.Ordinal)
                ? "public, max-age=31536000, immutable"
                : "no-cache";
            context.Response.ContentLength = stream.Length;
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await stream.CopyToAsync(context.Response.Body, context.RequestAborted);
            }
        }
    }

    private static Stream? Open(string name) =>
        name.Contains("..", StringComparison.Ordinal) ? null : typeof(UiEndpoints).Assembly.GetManifestResourceStream(ResourcePrefix + name);
}
