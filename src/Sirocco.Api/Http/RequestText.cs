using System.Text;

namespace Sirocco.Api.Http;

/// <summary>Reads request bodies as text. Kestrel's body size limit applies and surfaces as a 413.</summary>
internal static class RequestText
{
    public static async Task<string> ReadAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
    }

    /// <summary>
    /// A YAML definition (upload, or validation with <paramref name="allowEmpty"/>): the body must not be empty,
    /// and a text larger than <see cref="Language.DefinitionLimits.MaxDefinitionBytes"/> is a 413 naming the limit.
    /// </summary>
    public static async Task<string> ReadDefinitionAsync(HttpRequest request, bool allowEmpty = false)
    {
        var text = await ReadAsync(request);
        if (!allowEmpty && string.IsNullOrWhiteSpace(text))
        {
            throw ApiException.BadRequest("Definition is empty: send the YAML text as the request body (Content-Type: text/plain).");
        }

        return request.HttpContext.RequestServices.GetService<Language.DefinitionLimits>()?.CheckSize(text) is { } tooLarge
            ? throw new ApiException(StatusCodes.Status413PayloadTooLarge, tooLarge)
            : text;
    }
}
