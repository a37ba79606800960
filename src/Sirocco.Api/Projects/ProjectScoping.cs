using Microsoft.Extensions.DependencyInjection.Extensions;
using Sirocco.Persistence;

namespace Sirocco.Api.Projects;

/// <summary>
/// Puts <see cref="ProjectScopedStore"/> in front of whichever <see cref="ISiroccoStore"/> is registered (a host or a
/// test may have replaced it), and keeps the undecorated store reachable for the runtime, whose background work must
/// never be filtered by the project of the request that happened to start it.
/// </summary>
internal static class ProjectScoping
{
    public static void DecorateStore(IServiceCollection services)
    {
        var original = services.LastOrDefault(d => d.ServiceType == typeof(ISiroccoStore))
            ?? throw new InvalidOperationException("No ISiroccoStore is registered.");
        services.RemoveAll<ISiroccoStore>();
        services.AddSingleton(sp => new UndecoratedStore(original switch
        {
            { ImplementationInstance: ISiroccoStore instance } => instance,
            { ImplementationFactory: { } factory } => (ISiroccoStore)factory(sp),
            { ImplementationType: { } type } => (ISiroccoStore)ActivatorUtilities.CreateInstance(sp, type),
            _ => throw new InvalidOperationException("Unsupported ISiroccoStore registration."),
        }));
        services.AddSingleton<ISiroccoStore>(sp => new ProjectScopedStore(sp.GetRequiredService<UndecoratedStore>().Store));
    }

    /// <summary>The store without project filtering.</summary>
    public static ISiroccoStore Undecorated(IServiceProvider services) => services.GetRequiredService<UndecoratedStore>().Store;

    /// <summary>Owns the real store, so the container disposes it once.</summary>
    internal sealed class UndecoratedStore(ISiroccoStore store) : IAsyncDisposable
    {
        public ISiroccoStore Store => store;

        public ValueTask DisposeAsync() => store.DisposeAsync();
    }
}
