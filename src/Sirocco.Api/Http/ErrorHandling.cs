using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Sirocco.Persistence;
using Sirocco.Persistence.Querying;

namespace Sirocco.Api.Http;

/// <summary>
/// Turns every failure into Mistral's error body, which the <c>mistral</c> client reads
/// (<c>faultstring</c>), plus the RFC 9457 fields (<c>title</c>, <c>status</c>, <c>detail</c>), which it ignores.
/// </summary>
internal static partial class ErrorHandling
{
    public static IApplicationBuilder UseMistralErrors(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context).ConfigureAwait(false);
                if (context.Response.StatusCode == StatusCodes.Status405MethodNotAllowed && !context.Response.HasStarted)
                {
                    // Routing answers a known path with the wrong method by an empty 405; the client wants a faultstring.
                    await WriteAsync(context, StatusCodes.Status405MethodNotAllowed,
                        $"Method not allowed: {context.Request.Method} {context.Request.Path}").ConfigureAwait(false);
                }
            }
            catch (Exception error) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                var (status, message) = Classify(error);
                var extra = (error as ApiException)?.Extra;
                if (status >= 500)
                {
                    var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Sirocco.Api");
                    LogUnexpected(logger, context.Request.Method, context.Request.Path, error);
                }

                await WriteAsync(context, status, message, extra).ConfigureAwait(false);
            }
        });

    /// <summary>Writes the error body with <paramref name="status"/>.</summary>
    public static Task WriteAsync(HttpContext context, int status, string message, JsonObject? extra = null)
    {
        context.Response.Clear();
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(Body(status, message, extra), context.RequestAborted);
    }

    /// <summary>The JSON error body.</summary>
    public static string Body(int status, string message, JsonObject? extra = null)
    {
        var body = new JsonObject
        {
            ["faultcode"] = status >= 500 ? "Server" : "Client",
            ["faultstring"] = message,
            ["debuginfo"] = null,
            ["title"] = ReasonPhrases.GetReasonPhrase(status),
            ["status"] = status,
            ["detail"] = message,
        };
        foreach (var (name, value) in extra ?? [])
        {
            body[name] = value?.DeepClone();
        }

        return body.ToJsonString();
    }

    private static (int Status, string Message) Classify(Exception error) => error switch
    {
        ApiException api => (api.StatusCode, api.Message),
        BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge =>
            (StatusCodes.Status413PayloadTooLarge, "Request body too large: " + bad.Message + " Change the limit with the configuration key Api:MaxRequestBodyBytes."),
        BadHttpRequestException bad => (bad.StatusCode, bad.Message),
        DuplicateEntryException duplicate => (StatusCodes.Status409Conflict, duplicate.Message),
        EntityNotFoundException missing => (StatusCodes.Status404NotFound, missing.Message),
        InvalidQueryException query => (StatusCodes.Status400BadRequest, query.Message),
        FieldTooLargeException large => (StatusCodes.Status400BadRequest, large.Message),
        _ => (StatusCodes.Status500InternalServerError, "Internal server error: " + error.GetType().Name + ": " + error.Message),
    };

    [LoggerMessage(EventId = 9001, Level = LogLevel.Error, Message = "Unexpected error on {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, string method, string path, Exception error);
}
