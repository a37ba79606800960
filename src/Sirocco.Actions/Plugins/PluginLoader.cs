using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Sirocco.Actions.Abstractions;
using Sirocco.Actions.Registry;

namespace Sirocco.Actions.Plugins;

/// <summary>
/// Loads plugin actions at start-up: every assembly under a folder that references the SDK
/// (Sirocco.Actions.Abstractions) is loaded into a context of its own folder, and each public class
/// implementing <see cref="IAction"/> with an <see cref="ActionAttribute"/> is registered.
/// Copy a plugin's build output (its dll, deps.json and dependencies) into a sub-folder.
/// </summary>
public static class PluginLoader
{
    /// <summary>Loads the plugins under <paramref name="folder"/> into <paramref name="registry"/>; a missing folder loads nothing.</summary>
    /// <exception cref="PluginLoadException">A plugin assembly or one of its actions cannot be loaded.</exception>
    public static IReadOnlyList<ActionDescriptor> LoadPlugins(this ActionRegistry registry, string folder)
    {
        ArgumentNullException.ThrowIfNull(registry);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var registered = new List<ActionDescriptor>();
        var contexts = new Dictionary<string, PluginLoadContext>(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(folder, "*.dll", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (PluginLoadContext.IsShared(name) || !ReferencesSdk(path))
            {
                continue;
            }

            var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
            if (!contexts.TryGetValue(directory, out var context))
            {
                context = new PluginLoadContext(Path.GetFullPath(path));
                contexts[directory] = context;
            }

            registered.AddRange(RegisterActions(registry, context, path));
        }

        return registered;
    }

    private static List<ActionDescriptor> RegisterActions(ActionRegistry registry, PluginLoadContext context, string path)
    {
        try
        {
            var assembly = context.LoadFromAssemblyPath(Path.GetFullPath(path));
            var actions = assembly.GetExportedTypes()
                .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IAction).IsAssignableFrom(t)
                    && t.GetCustomAttributes<ActionAttribute>(inherit: false).Any());
            return [.. actions.SelectMany(t => registry.Register(t))];
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException
            or ReflectionTypeLoadException or ArgumentException or TypeLoadException)
        {
            throw new PluginLoadException($"Cannot load plugin actions from '{path}': {e.Message}", e);
        }
    }

    // Reads the assembly's references without loading it, so only plugin entry points get a load context.
    private static bool ReferencesSdk(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            if (!pe.HasMetadata)
            {
                return false;
            }

            var metadata = pe.GetMetadataReader();
            return metadata.AssemblyReferences.Any(handle =>
                metadata.GetString(metadata.GetAssemblyReference(handle).Name) == typeof(IAction).Assembly.GetName().Name);
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
