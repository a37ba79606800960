using System.Globalization;

namespace Sirocco.Api.Http;

/// <summary>
/// A JSON request body read and checked up front: malformed JSON, a body that is not an object,
/// unknown fields and wrong field types all become a 400 with a message naming the field, before
/// anything is stored.
/// </summary>
internal sealed class JsonBody
{
    // Duplicate names are refused while parsing: JsonObject builds its dictionary lazily and would
    // otherwise throw ArgumentException (a 500) on first use. Found by fuzz/ (rest target).
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 64, AllowDuplicateProperties = false };

    private readonly JsonObject _root;

    private JsonBody(JsonObject root) => _root = root;

    /// <summary>Field names present in the body.</summary>
    public IEnumerable<string> Names => _root.Select(p => p.Key);

    /// <summary>Reads the body; <paramref name="allowed"/> lists the fields the resource knows (Mistral refuses others).</summary>
    public static async Task<JsonBody> ReadAsync(HttpRequest request, string resource, IReadOnlyCollection<string> allowed)
    {
        var text = await RequestText.ReadAsync(request);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw ApiException.BadRequest($"Request body of {resource} is empty; a JSON object is expected.");
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: ParseOptions);
        }
        catch (JsonException error)
        {
            throw ApiException.BadRequest($"Malformed JSON in request body of {resource}: {error.Message}");
        }

        if (node is not JsonObject root)
        {
            throw ApiException.BadRequest($"Request body of {resource} must be a JSON object.");
        }

        foreach (var (name, _) in root)
        {
            if (!allowed.Contains(name))
            {
                throw ApiException.BadRequest($"Unknown attribute for argument {resource}: {name}");
            }
        }

        return new JsonBody(root);
    }

    public bool Has(string name) => _root.ContainsKey(name);

    /// <summary>A text field; null when absent or JSON null.</summary>
    public string? String(string name)
    {
        var node = _root[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return value.GetValue<string>();
        }

        throw Wrong(name, node, "a string");
    }

    /// <summary>A boolean field (also the texts <c>true</c>/<c>false</c>, as wsme accepts).</summary>
    public bool? Bool(string name)
    {
        var node = _root[name];
        switch (node)
        {
            case null:
                return null;
            case JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                return value.GetValue<bool>();
            case JsonValue value when value.GetValueKind() == JsonValueKind.String && bool.TryParse(value.GetValue<string>(), out var parsed):
                return parsed;
            default:
                throw Wrong(name, node, "a boolean");
        }
    }

    /// <summary>An integer field (also its decimal text) of at least <paramref name="minimum"/>.</summary>
    public int? Int(string name, int minimum)
    {
        var node = _root[name];
        if (node is null)
        {
            return null;
        }

        int? number = node is JsonValue value
            ? value.GetValueKind() switch
            {
                JsonValueKind.Number when value.TryGetValue<int>(out var i) => i,
                JsonValueKind.String when int.TryParse(value.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) => s,
                _ => null,
            }
            : null;
        if (number is null)
        {
            throw Wrong(name, node, "an integer");
        }

        return number < minimum
            ? throw ApiException.BadRequest($"Invalid input for field/attribute {name}. Value: '{number}'. Value should be greater or equal to {minimum}")
            : number;
    }

    /// <summary>
    /// Mistral's <c>jsontype</c>: any JSON value, where a string holding JSON is decoded (the client sends
    /// <c>input</c>, <c>params</c>, <c>variables</c> as JSON text). Null when absent.
    /// </summary>
    public JsonNode? Json(string name, out bool present)
    {
        present = _root.TryGetPropertyValue(name, out var node);
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            var text = value.GetValue<string>();
            try
            {
                return JsonNode.Parse(text, documentOptions: ParseOptions);
            }
            catch (JsonException error)
            {
                throw ApiException.BadRequest($"Invalid input for field/attribute {name}. Value: '{Shorten(text)}'. {error.Message}");
            }
        }

        return node?.DeepClone();
    }

    /// <summary>A <c>jsontype</c> field that must hold an object; null when absent or null.</summary>
    public JsonObject? Object(string name)
    {
        var node = Json(name, out _);
        return node switch
        {
            null => null,
            JsonObject o => o,
            _ => throw ApiException.BadRequest($"Invalid input for field/attribute {name}. Value: '{Shorten(node.ToJsonString())}'. JsonType field value must be a dictionary"),
        };
    }

    private static ApiException Wrong(string name, JsonNode node, string expected) =>
        ApiException.BadRequest($"Invalid input for field/attribute {name}. Value: '{Shorten(node.ToJsonString())}'. Wrong type: expected {expected}, got {node.GetValueKind().ToString().ToLowerInvariant()}.");

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
