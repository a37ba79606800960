using Microsoft.Extensions.Configuration;

namespace Sirocco.Api.Secrets;

/// <summary>
/// What counts as secret (<c>--Secrets:EnvironmentVariables</c>, <c>--Secrets:InputNames</c>, each a <c>;</c>-separated
/// list or an array). Mistral's language has no "secret" keyword, so secret inputs are declared by name pattern and
/// workflow definitions stay unchanged.
/// </summary>
public sealed class SecretOptions
{
    /// <summary>Names of environment variables of the server process whose values are secrets (e.g. <c>DB_PASSWORD</c>). Default none.</summary>
    public IReadOnlyList<string> EnvironmentVariables { get; set; } = [];

    /// <summary>
    /// Case-insensitive name patterns (<c>*</c> = any text) of inputs, parameters, published variables and other
    /// JSON members whose values are secret. Default <c>*password*</c>, <c>*secret*</c>, <c>*token*</c>; an empty
    /// setting turns name-based redaction off.
    /// </summary>
    public IReadOnlyList<string> InputNames { get; set; } = ["*password*", "*secret*", "*token*"];

    /// <summary>Reads the options from configuration.</summary>
    public static SecretOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new SecretOptions();
        if (List(configuration, "Secrets:EnvironmentVariables") is { } variables)
        {
            options.EnvironmentVariables = variables;
        }

        if (List(configuration, "Secrets:InputNames") is { } names)
        {
            options.InputNames = names;
        }

        return options;
    }

    private static List<string>? List(IConfiguration configuration, string key)
    {
        var children = configuration.GetSection(key).GetChildren().Select(c => c.Value).OfType<string>().ToList();
        if (children.Count > 0)
        {
            return children;
        }

        return configuration[key] is { } joined
            ? [.. joined.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
            : null;
    }
}
