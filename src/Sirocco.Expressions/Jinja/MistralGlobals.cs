using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>
/// Mistral's expression functions as Jinja sees them. Mistral registers each one twice: as a global bound
/// to the data context (<c>env()</c> reads <c>_['__env']</c>) and as a filter whose piped value takes the
/// context's place (<c>_ | env</c>). This is the seam to the shared implementations of the JSON/YAML
/// helpers; the state-reading ones go through <see cref="IWorkflowState"/>.
/// </summary>
internal static class MistralGlobals
{
    public static readonly string[] Names =
        ["env", "execution", "executions", "global", "json_dump", "json_parse", "json_pp", "task", "tasks", "uuid", "yaml_dump", "yaml_parse"];

    public static Value? Lookup(string name, Value data) =>
        Array.IndexOf(Names, name) >= 0 ? new Callable(name, (args, frame) => Call(name, data, args, frame)) : null;

    public static Value Call(string name, Value context, Arguments args, Frame frame)
    {
        var fn = name + "_";
        switch (name)
        {
            case "env":
                args.Bind(fn);
                return ContextKey(context, "__env");
            case "execution":
                args.Bind(fn);
                return ContextKey(context, "__execution");
            case "json_dump":
                return Str(PyJson.Dumps(args.Bind(fn, 1, "data")[0]!, indent: 4), frame);
            case "json_pp":
                var data = args.Bind(fn, "data")[0];
                var source = data is not null && Py.Truthy(data) ? data : context;
                var json = PyJson.Dumps(source, indent: 4).Replace("\\n", "\n", StringComparison.Ordinal).Replace(" \n", "\n", StringComparison.Ordinal);
                return Str(json, frame);
            case "json_parse":
                return PyJson.Loads(Methods.RequireString(args.Bind(fn, 1, "data")[0]!));
            case "yaml_dump":
                return Str(PyYamlDump.Dump(args.Bind(fn, 1, "data")[0]!), frame);
            case "yaml_parse":
                return PyYamlParse.Parse(Methods.RequireString(args.Bind(fn, 1, "data")[0]!));
            case "uuid":
                args.Bind(fn);
                return new StringValue(frame.Options.NewId().ToString("D"));
            case "task":
                var taskName = args.Bind(fn, "task_name")[0];
                return Workflow(frame, name).Task(taskName is null or NullValue ? null : Py.Str(taskName)) ?? Value.Null;
            case "tasks":
                var t = args.Bind(fn, "workflow_execution_id", "recursive", "state", "flat");
                return Workflow(frame, name).Tasks(OptionalText(t[0]), Filters.Flag(t[1]), OptionalText(t[2]), Filters.Flag(t[3]));
            case "executions":
                var e = args.Bind(fn, "id", "root_execution_id", "state", "from_time", "to_time");
                return Workflow(frame, name).Executions(OptionalText(e[0]), OptionalText(e[1]), OptionalText(e[2]), OptionalText(e[3]), OptionalText(e[4]));
            default:
                var variable = Py.Str(args.Bind(fn, 1, "var_name")[0]!);
                return Workflow(frame, name).Global(variable) ?? Value.Null;
        }
    }

    private static Value Str(string text, Frame frame)
    {
        frame.CheckSize(text.Length);
        return new StringValue(text);
    }

    private static Value ContextKey(Value context, string key) => Py.Defined(context) switch
    {
        DictValue d => d.Get(key) ?? throw new JinjaException(ErrorCategories.KeyNotFound, $"'{key}'"),
        _ => throw JinjaException.Type($"'{Py.TypeName(context)}' object is not subscriptable"),
    };

    private static string? OptionalText(Value? value) => value is null or NullValue ? null : Py.Str(value);

    private static IWorkflowState Workflow(Frame frame, string function) => frame.Workflow
        ?? throw new JinjaException(ErrorCategories.KeyNotFound, $"{function}() needs a workflow execution: there is none in this context");
}
