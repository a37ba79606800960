using Sirocco.Actions.Registry;

namespace Sirocco.Actions.Standard;

/// <summary>Registers Mistral's std.* actions.</summary>
public static class StandardActions
{
    /// <summary>Adds every std.* action to <paramref name="registry"/>.</summary>
    public static ActionRegistry AddStandardActions(this ActionRegistry registry, StandardActionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        options ??= new StandardActionOptions();
        registry.Register<NoOpAction>();
        registry.Register<AsyncNoOpAction>();
        registry.Register<EchoAction>();
        registry.Register<FailAction>();
        registry.Register<SleepAction>();
        registry.Register<TestDictAction>();
        var http = new HttpSender();
        registry.Register(typeof(HttpAction), () => new HttpAction(http));
        registry.Register(typeof(MistralHttpAction), () => new MistralHttpAction(http));
        registry.Register(typeof(JavaScriptAction), () => new JavaScriptAction(options));
        registry.Register(typeof(SshAction), () => new SshAction(options));
        registry.Register(typeof(SshProxiedAction), () => new SshProxiedAction(options));
        registry.Register(typeof(EmailAction), () => new EmailAction(options));
        return registry;
    }
}
