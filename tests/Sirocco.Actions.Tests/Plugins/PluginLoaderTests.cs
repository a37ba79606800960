using System.Reflection;
using System.Runtime.Loader;
using Sirocco.Actions.Plugins;
using Sirocco.Actions.Registry;
using Sirocco.Actions.Tests.Support;
using Sirocco.Expressions.Values;

namespace Sirocco.Actions.Tests.Plugins;

public sealed class PluginLoaderTests : IDisposable
{
    private readonly TempDirectory _plugins = new();

    public void Dispose() => _plugins.Dispose();

    [Fact]
    public void Sample_plugin_action_is_registered_with_the_signature_of_its_class()
    {
        InstallSample();
        var registry = new ActionRegistry();

        var loaded = registry.LoadPlugins(_plugins.Path);

        var hello = Assert.Single(loaded);
        Assert.Equal("greeting.hello", hello.Name);
        Assert.Equal("name, times=1, shout=false", hello.Signature);
        Assert.Same(hello, registry.Find("greeting.hello"));
    }

    [Fact]
    public async Task Sample_plugin_action_runs_with_bound_input()
    {
        InstallSample();
        var registry = new ActionRegistry();
        registry.LoadPlugins(_plugins.Path);

        var outcome = await registry.RunAsync("greeting.hello", """{"name": "Ada", "times": 2, "shout": true}""");

        Assert.True(outcome.IsSuccess);
        Assert.Equal(JsonValues.Parse("""{"greeting": "HELLO, ADA! HELLO, ADA!", "execution_id": "ex-1"}"""), outcome.Value);
    }

    [Fact]
    public async Task Sample_plugin_expected_failure_is_an_error_value()
    {
        InstallSample();
        var registry = new ActionRegistry();
        registry.LoadPlugins(_plugins.Path);

        var outcome = await registry.RunAsync("greeting.hello", """{"name": "Ada", "times": 0}""");

        Assert.True(outcome.IsError);
        Assert.Equal(new StringValue("times must be at least 1, got 0"), outcome.Value);
    }

    [Fact]
    public void Wrongly_typed_plugin_input_is_refused_with_a_clear_error()
    {
        InstallSample();
        var registry = new ActionRegistry();
        registry.LoadPlugins(_plugins.Path);

        var error = Assert.Throws<ActionInputException>(
            () => registry.Find("greeting.hello")!.Create(Contexts.Input("""{"times": "two"}""")));

        Assert.Equal(
            "Invalid input [name=greeting.hello, class=HelloAction, missing=['name'], invalid=['times: expected an integer, got a string \"two\"']]",
            error.Message);
    }

    [Fact]
    public void Plugin_loads_in_its_own_context_but_shares_the_SDK_with_the_host()
    {
        InstallSample();
        var registry = new ActionRegistry();

        var hello = Assert.Single(registry.LoadPlugins(_plugins.Path));

        Assert.NotSame(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(hello.ImplementationType.Assembly));
        Assert.True(typeof(Sirocco.Actions.Abstractions.IAction).IsAssignableFrom(hello.ImplementationType));
    }

    [Fact]
    public void Missing_folder_loads_nothing()
    {
        var registry = new ActionRegistry();

        Assert.Empty(registry.LoadPlugins(Path.Combine(_plugins.Path, "absent")));
    }

    [Fact]
    public void Files_that_are_not_plugins_are_skipped()
    {
        File.WriteAllText(Path.Combine(_plugins.Path, "notes.dll"), "not an assembly");
        File.Copy(typeof(Value).Assembly.Location, Path.Combine(_plugins.Path, "Sirocco.Expressions.dll"));

        Assert.Empty(new ActionRegistry().LoadPlugins(_plugins.Path));
    }

    private void InstallSample()
    {
        var configuration = typeof(PluginLoaderTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var output = Path.Combine(RepoPaths.Root, "samples", "plugins", "Sirocco.Samples.Greeting", "bin", configuration, "net10.0");
        Assert.True(File.Exists(Path.Combine(output, "Sirocco.Samples.Greeting.dll")), "sample plugin not built at " + output);
        var target = Directory.CreateDirectory(Path.Combine(_plugins.Path, "greeting")).FullName;
        foreach (var file in Directory.EnumerateFiles(output))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
    }
}
