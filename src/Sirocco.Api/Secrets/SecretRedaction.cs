using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Sirocco.Api.Secrets;

/// <summary>
/// Wires <see cref="SecretRedactor"/> in: around the logger factory, and around the JSON answers of the REST API
/// and the UI. Request bodies are read too, so the secret inputs of an execution are known (and hidden in logs)
/// from the moment it starts.
/// </summary>
internal static class SecretRedaction
{
    public static void AddTo(IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(SecretOptions.From(configuration));
        services.TryAddSingleton<SecretRedactor>();
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new RedactingLoggerFactory(
            new LoggerFactory(
                sp.GetServices<ILoggerProvider>(),
                sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
                sp.GetService<IOptions<LoggerFactoryOptions>>(),
                sp.GetService<IExternalScopeProvider>()),
            sp.GetRequiredService<SecretRedactor>())));
    }

    public static IApplicationBuilder UseSecretRedaction(this IApplicationBuilder app)
    {
        var redactor = app.ApplicationServices.GetRequiredService<SecretRedactor>();
        return app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (!path.StartsWithSegments("/v2") && !path.StartsWithSegments("/ui/api"))
            {
                await next(context);
                return;
            }

            await LearnFromRequestAsync(context.Request, redactor);
            if (path.StartsWithSegments("/ui/api") && path.Value!.EndsWith("/events", StringComparison.Ordinal))
            {
                // The live event stream masks each snapshot itself (Ui/ExecutionEvents.cs); buffering would stall it.
                await next(context);
                return;
            }

            var original = context.Response.Body;
            using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = original;
            }

            buffer.Position = 0;
            if (context.Response.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true && buffer.Length > 0)
            {
                var answer = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
                if (redactor.MayHoldSecrets(answer))
                {
                    var bytes = Encoding.UTF8.GetBytes(Redact(answer, redactor));
                    context.Response.ContentLength = bytes.Length;
                    await original.WriteAsync(bytes, context.RequestAborted);
                    return;
                }
            }

            await buffer.CopyToAsync(original, context.RequestAborted);
        });
    }

    /// <summary>Masks the secrets of one JSON text (learning those it reveals by name first).</summary>
    public static string Redact(string json, SecretRedactor redactor)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException)
        {
            return redactor.RedactText(json);
        }

        redactor.Learn(node);
        return redactor.Redact(node)?.ToJsonString() ?? "null";
    }

    private static async Task LearnFromRequestAsync(HttpRequest request, SecretRedactor redactor)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || request.ContentLength is 0 or > 10 * 1024 * 1024)
        {
            return;
        }

        request.EnableBuffering();
        string text;
        try
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true);
            text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException)
        {
            // Too large or cut off: the endpoint meets the same error when it reads, and answers it (413, 400).
            return;
        }

        request.Body.Position = 0;
        if (!redactor.MayHoldSecrets(text))
        {
            return;
        }

        try
        {
            redactor.Learn(JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 64 }));
        }
        catch (JsonException)
        {
            // Not JSON (a YAML upload): nothing to learn; the endpoint reports malformed JSON itself.
        }
    }
}
