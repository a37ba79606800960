namespace Sirocco.Api.Http;

/// <summary>
/// A request the API refuses on purpose. The error handler turns it into Mistral's error body
/// (<c>faultstring</c>) with <see cref="StatusCode"/>. The runtime's <see cref="Executions.IExecutionService"/>
/// throws it too, for unknown ids and refused state changes.
/// </summary>
public sealed class ApiException : Exception
{
    /// <summary>Creates the exception with an HTTP status and a message for the caller.</summary>
    public ApiException(int statusCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
    }

    /// <summary>HTTP status of the answer.</summary>
    public int StatusCode { get; }

    /// <summary>Extra fields for the error body (e.g. the current state on a 409), or null.</summary>
    public JsonObject? Extra { get; init; }

    /// <summary>400 with <paramref name="message"/>.</summary>
    public static ApiException BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);

    /// <summary>404 in Mistral's wording: <c>WorkflowExecution not found [id=…]</c>.</summary>
    public static ApiException NotFound(string entity, string key, string keyName = "id") =>
        new(StatusCodes.Status404NotFound, $"{entity} not found [{keyName}={key}]");

    /// <summary>409 with <paramref name="message"/>.</summary>
    public static ApiException Conflict(string message) => new(StatusCodes.Status409Conflict, message);
}
