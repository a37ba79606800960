using System.Buffers;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Sirocco.Api.Secrets;

/// <summary>
/// Replaces secrets with <c>***</c> in what leaves the server (API answers, UI data, logs) — never in what the
/// workflow itself reads, so actions still receive the real values. Two rules: a JSON member whose name matches
/// <see cref="SecretOptions.InputNames"/> is hidden whole, and every known secret value (the configured environment
/// variables, and each value seen under a secret name) is cut out of any text, including JSON held in strings
/// (Mistral's <c>input</c>, <c>output</c>, <c>params</c>) and <c>state_info</c>.
/// </summary>
public sealed class SecretRedactor
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "***";

    // Shorter values would cut ordinary text ("1", "yes") to pieces; they are still hidden under a secret name.
    private const int MinValueLength = 4;

    private readonly Regex[] _names;
    // The literal parts of each name pattern, each searched for case-insensitively in one vectorised pass.
    private readonly SearchValues<string>[][] _namePieces;
    private readonly HashSet<char> _nameChars;
    private readonly ConcurrentDictionary<string, byte> _values = new(StringComparer.Ordinal);

    /// <summary>A redactor for <paramref name="options"/>, knowing the values of the named environment variables now.</summary>
    public SecretRedactor(SecretOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _names = [.. options.InputNames.Select(Glob)];
        _namePieces = [.. options.InputNames.Select(p => p.Split('*', StringSplitOptions.RemoveEmptyEntries)
            .Select(piece => SearchValues.Create([piece], StringComparison.OrdinalIgnoreCase)).ToArray())];
        _nameChars = [.. options.InputNames.SelectMany(p => p.Replace("*", "", StringComparison.Ordinal)).SelectMany(c => new[] { char.ToLowerInvariant(c), char.ToUpperInvariant(c) })];
        foreach (var variable in options.EnvironmentVariables)
        {
            if (Environment.GetEnvironmentVariable(variable) is { } value)
            {
                Remember(value);
            }
        }
    }

    /// <summary>True when a member called <paramref name="name"/> holds a secret.</summary>
    public bool IsSecretName(string name) => _names.Any(n => n.IsMatch(name));

    /// <summary>Adds a secret value to those cut out of text.</summary>
    public void Remember(string value)
    {
        if (value.Length >= MinValueLength && value != Mask)
        {
            _values.TryAdd(value, 0);
        }
    }

    /// <summary>Remembers the values under secret names anywhere in <paramref name="node"/>, also inside JSON strings.</summary>
    public void Learn(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o)
                {
                    if (IsSecretName(name) && value is JsonValue v)
                    {
                        Remember(v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString());
                    }

                    Learn(value);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Learn(item);
                }

                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String && Embedded(v.GetValue<string>()) is { } inner:
                Learn(inner);
                break;
        }
    }

    /// <summary>A copy of <paramref name="node"/> with every secret masked.</summary>
    public JsonNode? Redact(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, p.Value is not null && IsSecretName(p.Key) && p.Value is not JsonObject and not JsonArray
            ? JsonValue.Create(Mask)
            : Redact(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Redact)]),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonValue.Create(RedactString(v.GetValue<string>())),
        _ => node?.DeepClone(),
    };

    /// <summary><paramref name="text"/> with every known secret value cut out.</summary>
    public string RedactText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Enumerated, not through Keys, which locks the whole table and copies it on every call.
        foreach (var (value, _) in _values)
        {
            if (text.Contains(value, StringComparison.Ordinal))
            {
                text = text.Replace(value, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>
    /// False when <paramref name="text"/> certainly holds nothing to mask or learn: no known secret value, and for
    /// every secret-name pattern some literal part of it appears nowhere (case-insensitive), so no member name —
    /// not even one inside JSON held in a string — can match. A <c>\uXXXX</c> escape of a character that occurs in
    /// a pattern could spell a name the plain search misses, so it always needs the full look (the API's own JSON
    /// escapes only quotes, HTML-sensitive and non-ASCII characters). Lets most answers skip being parsed and
    /// written again.
    /// </summary>
    public bool MayHoldSecrets(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Reveals(text) || EscapesANameCharacter(text))
        {
            return true;
        }

        foreach (var pieces in _namePieces)
        {
            if (pieces.All(piece => text.AsSpan().ContainsAny(piece)))
            {
                return true;
            }
        }

        return false;
    }

    private bool EscapesANameCharacter(string text)
    {
        for (var i = text.IndexOf("\\u", StringComparison.Ordinal); i >= 0; i = text.IndexOf("\\u", i + 2, StringComparison.Ordinal))
        {
            if (i + 6 > text.Length || !ushort.TryParse(text.AsSpan(i + 2, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var code)
                || _nameChars.Contains((char)code))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="text"/> holds a known secret value.</summary>
    public bool Reveals(string text) => _values.Any(v => text.Contains(v.Key, StringComparison.Ordinal));

    private string RedactString(string text)
    {
        if (Embedded(text) is { } inner)
        {
            var redacted = Redact(inner)!.ToJsonString();
            return redacted == inner.ToJsonString() ? RedactText(text) : RedactText(redacted);
        }

        return RedactText(text);
    }

    /// <summary>The JSON object or array a string holds (Mistral sends input/output/params as JSON text), else null.</summary>
    private static JsonNode? Embedded(string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.Length == 0 || (trimmed[0] != '{' && trimmed[0] != '['))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Regex Glob(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
