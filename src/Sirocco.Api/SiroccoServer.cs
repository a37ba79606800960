using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace Sirocco.Api;

/// <summary>Builds the Sirocco web application: configuration, services and routes.</summary>
public static class SiroccoServer
{
    /// <summary>Where the server listens unless <c>--urls</c>, <c>ASPNETCORE_URLS</c> or <c>urls</c> configuration says otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8989";

    /// <summary>
    /// Creates the application. Configuration comes the usual ASP.NET Core way: <c>appsettings.json</c>
    /// in the working directory, <c>SIROCCO_</c>/<c>ASPNETCORE_</c> environment variables, then command-line arguments.
    /// </summary>
    public static WebApplication Build(string[] args, string? urls = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        // Quiet defaults first, so appsettings.json, the environment and the command line all override them.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            },
        });
        builder.Configuration.AddEnvironmentVariables("SIROCCO_");
        var listen = urls ?? builder.Configuration["urls"] ?? DefaultUrl;
        builder.WebHost.UseUrls(listen.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

        var app = builder.Build();
        app.MapVersionEndpoints();
        return app;
    }
}
