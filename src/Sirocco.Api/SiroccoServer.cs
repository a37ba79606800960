using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scalar.AspNetCore;
using Sirocco.Actions.Registry;
using Sirocco.Actions.Standard;
using Sirocco.Api.AdHoc;
using Sirocco.Api.Auth;
using Sirocco.Api.Callbacks;
using Sirocco.Api.CronTriggers;
using Sirocco.Api.Definitions;
using Sirocco.Api.Environments;
using Sirocco.Api.Executions;
using Sirocco.Api.Hosting;
using Sirocco.Api.Http;
using Sirocco.Api.Projects;
using Sirocco.Api.Secrets;
using Sirocco.Api.Ui;
using Sirocco.Engine;
using Sirocco.Expressions;
using Sirocco.Persistence;
using Sirocco.Runtime.Durable;
using Sirocco.Runtime.Scheduling;
using Sirocco.Transport.Queues;
using Microsoft.Extensions.Logging;
using Sirocco.Actions.Runner;

namespace Sirocco.Api;

/// <summary>Builds the Sirocco web application: configuration, services and routes.</summary>
public static class SiroccoServer
{
    /// <summary>Where the server listens unless <c>--urls</c>, <c>ASPNETCORE_URLS</c> or <c>urls</c> configuration says otherwise.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8989";

    /// <summary>
    /// Creates the application. Configuration comes the usual ASP.NET Core way: <c>appsettings.json</c>
    /// in the working directory, <c>SIROCCO_</c>/<c>ASPNETCORE_</c> environment variables, then command-line arguments
    /// (<c>--db</c>, <c>--Auth:Enabled</c>, <c>--Auth:ApiKeys</c>, <c>--allow-insecure-remote</c>, <c>--Api:MaxRequestBodyBytes</c>,
    /// the <c>--Limits:*</c> keys of <see cref="ServerLimits"/>).
    /// <paramref name="configureServices"/> runs last, so a host (or a test) can replace services such as
    /// <see cref="IExecutionService"/>. Throws <see cref="InvalidOperationException"/> when asked to listen on a
    /// non-loopback address without authentication.
    /// </summary>
    public static WebApplication Build(string[] args, string? urls = null, Action<IServiceCollection>? configureServices = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // No reload of appsettings.json on change: its watcher sees the working directory, where the
            // default sirocco.db lives, and woke up for every database write (~8 % of the CPU of a chain).
            Args = ["--hostBuilder:reloadConfigOnChange=false", .. args.Select(a => a == "--allow-insecure-remote" ? "--allow-insecure-remote=true" : a)],
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
        var listen = (urls ?? builder.Configuration["urls"] ?? DefaultUrl).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var options = ApiOptions.From(builder.Configuration);
        ListenGuard.Check(listen, options);
        builder.WebHost.UseUrls(listen);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);

        AddServices(builder.Services, builder.Configuration, options);
        configureServices?.Invoke(builder.Services);
        ProjectScoping.DecorateStore(builder.Services);
        SecretRedaction.AddTo(builder.Services, builder.Configuration);

        var app = builder.Build();
        // Outermost, so error answers are masked too.
        app.UseSecretRedaction();
        app.UseMistralErrors();
        app.UseSiroccoUi();
        app.UseApiKeys(options);
        app.MapVersionEndpoints();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/docs", scalar => scalar.WithTitle("Sirocco — Mistral v2 API"));
        MapV2(app);
        return app;
    }

    private static void AddServices(IServiceCollection services, IConfiguration configuration, ApiOptions options)
    {
        services.AddSingleton(options);
        var limits = ServerLimits.From(configuration);
        services.TryAddSingleton(limits);
        services.TryAddSingleton(sp => sp.GetRequiredService<ServerLimits>().Definitions);
        services.TryAddSingleton(CallbackOptions.From(configuration));
        services.TryAddSingleton(sp => new SqlCallbackKeyStore(CallbackDatabase.Connector(configuration), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<CallbackSigner>();
        services.TryAddSingleton<CallbackUrls>();
        services.TryAddSingleton(_ => new SqlApiKeyStore(CallbackDatabase.Connector(configuration)));
        services.TryAddSingleton(AuthOptions.From(configuration));
        services.TryAddSingleton<KeyRateLimiter>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISiroccoStore>(sp => StoreFactory.Open(configuration, sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new ActionRegistry().AddStandardActions(new StandardActionOptions
        {
            JavaScriptTimeout = sp.GetRequiredService<ServerLimits>().JavaScriptTimeout,
            JavaScriptMemoryLimit = sp.GetRequiredService<ServerLimits>().JavaScriptMemoryBytes,
        }));
        services.TryAddSingleton(sp => Sirocco.Expressions.Expressions.CreateEvaluator(sp.GetRequiredService<ServerLimits>().Expressions));
        services.TryAddSingleton<AdHocActionResolver>();
        services.TryAddSingleton<StandaloneExecutionService>();
        if (configuration["Runtime:Enabled"] is { } enabled && enabled.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            services.TryAddSingleton<IExecutionService>(sp => sp.GetRequiredService<StandaloneExecutionService>());
        }
        else
        {
            AddRuntime(services);
        }

        services.AddOpenApi();
    }

    /// <summary>The engine, executor and scheduler roles in this process: durable runtime, in-process queue, action runner, cron scheduler.</summary>
    private static void AddRuntime(IServiceCollection services)
    {
        services.TryAddSingleton<InProcessTaskQueue>();
        services.TryAddSingleton<AdHocChain>();
        services.TryAddSingleton(sp => new DurableRuntime(
            ProjectScoping.Undecorated(sp),
            new WorkflowEngine(),
            sp.GetRequiredService<IExpressionEvaluator>(),
            ActivatorUtilities.CreateInstance<AdHocQueue>(sp, ActivatorUtilities.CreateInstance<CallbackIssuingQueue>(sp, sp.GetRequiredService<InProcessTaskQueue>())),
            new DurableRuntimeOptions
            {
                Clock = sp.GetRequiredService<TimeProvider>(),
                Limits = sp.GetRequiredService<ServerLimits>().Execution,
                ActionCancellation = sp.GetRequiredService<InProcessTaskQueue>(),

                // "00:00:00" turns the live check for lost runners off.
                ActionHeartbeatTimeout = sp.GetService<IConfiguration>()?.GetValue<TimeSpan?>("Runtime:ActionHeartbeatTimeout") ?? TimeSpan.FromMinutes(5),
            },
            sp.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton(sp => new ActionRunnerOptions { MaxConcurrency = sp.GetRequiredService<ServerLimits>().MaxRunningActions });
        services.TryAddSingleton(sp => new ActionRunner(
            sp.GetRequiredService<ActionRegistry>(),
            sp.GetRequiredService<InProcessTaskQueue>(),
            ActivatorUtilities.CreateInstance<AdHocResultSink>(sp, sp.GetRequiredService<DurableRuntime>().ResultSink),
            sp.GetRequiredService<ActionRunnerOptions>(),
            timeProvider: sp.GetRequiredService<TimeProvider>(),
            loggerFactory: sp.GetRequiredService<ILoggerFactory>()));
        services.TryAddSingleton(sp => new CronScheduler(
            sp.GetRequiredService<ISiroccoStore>(),
            sp.GetRequiredService<DurableRuntime>(),
            new CronSchedulerOptions { Clock = sp.GetRequiredService<TimeProvider>() },
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService<RuntimeHostedService>();
        services.TryAddSingleton<IEventGateway>(sp => new LocalEventGateway(sp.GetRequiredService<DurableRuntime>()));
        services.TryAddSingleton<IExecutionService, RuntimeExecutionService>();
    }

    private static void MapV2(WebApplication app)
    {
        var v2 = app.MapGroup("/v2");
        ServiceEndpoints.Map(v2);
        WorkflowEndpoints.Map(v2);
        WorkbookEndpoints.Map(v2);
        ActionEndpoints.Map(v2);
        EnvironmentEndpoints.Map(v2);
        CronTriggerEndpoints.Map(v2);
        ExecutionEndpoints.Map(v2);
        TaskEndpoints.Map(v2);
        ActionExecutionEndpoints.Map(v2);
        CallbackEndpoints.Map(v2);
        KeyEndpoints.Map(v2);
        v2.MapFallback(NotFound).ExcludeFromDescription();
    }

    private static IResult NotFound(HttpRequest request) =>
        throw new ApiException(StatusCodes.Status404NotFound, $"Resource not found: {request.Method} {request.Path}");
}
