namespace Sirocco.Api.Hosting;

/// <summary>
/// Settings of the REST API, from configuration (<c>appsettings.json</c>, <c>SIROCCO_</c> environment
/// variables, command line). Keys are shown as on the command line.
/// </summary>
public sealed class ApiOptions
{
    /// <summary>Largest request body in bytes (<c>--Api:MaxRequestBodyBytes</c>); larger bodies get 413. Default 10 MiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>Require an API key on every request (<c>--Auth:Enabled=true</c>). Default off.</summary>
    public bool AuthEnabled { get; set; }

    /// <summary>Accepted keys (<c>--Auth:ApiKeys:0=…</c> or <c>--Auth:ApiKeys=k1;k2</c>), sent as <c>X-Auth-Token</c> or <c>Authorization: Bearer</c>.</summary>
    public IReadOnlyList<string> ApiKeys { get; set; } = [];

    /// <summary>Listen on a non-loopback address without authentication (<c>--allow-insecure-remote</c>). Default false.</summary>
    public bool AllowInsecureRemote { get; set; }

    /// <summary>Reads the options from configuration.</summary>
    public static ApiOptions From(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var keys = configuration.GetSection("Auth:ApiKeys").GetChildren().Select(c => c.Value).OfType<string>().ToList();
        if (keys.Count == 0 && configuration["Auth:ApiKeys"] is { Length: > 0 } joined)
        {
            keys = [.. joined.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        }

        return new ApiOptions
        {
            MaxRequestBodyBytes = long.TryParse(configuration["Api:MaxRequestBodyBytes"], out var max) && max > 0 ? max : 10L * 1024 * 1024,
            AuthEnabled = bool.TryParse(configuration["Auth:Enabled"], out var auth) && auth,
            ApiKeys = keys,
            AllowInsecureRemote = bool.TryParse(configuration["allow-insecure-remote"], out var insecure) && insecure,
        };
    }
}
