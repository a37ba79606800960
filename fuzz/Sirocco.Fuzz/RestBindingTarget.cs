using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Sirocco.Api.Http;

namespace Sirocco.Fuzz;

/// <summary>
/// REST request binding: a body read by <see cref="JsonBody"/> (as every create/update endpoint does)
/// and each field read through every accessor the endpoints use. An <see cref="ApiException"/> is the
/// documented 400; anything else would be a 500.
/// </summary>
internal static class RestBindingTarget
{
    private static readonly string[] Fields =
    [
        "id", "name", "workflow_id", "workflow_name", "workflow_namespace", "description", "params", "input",
        "output", "state", "state_info", "source_execution_id", "variables", "scope", "reset", "env",
        "pattern", "remaining_executions", "first_execution_time", "workflow_input", "workflow_params",
    ];

    public static void Run(byte[] data)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(data, writable: false);
        context.Request.ContentType = "application/json";
        JsonBody body;
        try
        {
            body = JsonBody.ReadAsync(context.Request, "execution", Fields).GetAwaiter().GetResult();
        }
        catch (ApiException)
        {
            return;
        }

        foreach (var name in body.Names.ToList())
        {
            Read(() => body.String(name));
            Read(() => body.Bool(name));
            Read(() => body.Int(name, 0));
            Read(() => Walk(body.Json(name, out _)));
            Read(() => Walk(body.Object(name)));
        }
    }

    /// <summary>Visits every member, as the endpoints do when they check and store input and params.</summary>
    private static int Walk(JsonNode? node) => node switch
    {
        JsonObject o => o.Sum(p => 1 + Walk(p.Value)),
        JsonArray a => a.Sum(Walk),
        _ => 1,
    };

    private static void Read<T>(Func<T> accessor)
    {
        try
        {
            GC.KeepAlive(accessor());
        }
        catch (ApiException)
        {
            // The documented 400 for a field of the wrong type or malformed JSON text.
        }
    }
}
