using System.Collections.Immutable;
using Sirocco.Expressions.Values;
using Sirocco.Language.Model;

namespace Sirocco.Language.Parsing;

internal sealed partial class SpecReader
{
    // 'name' is tolerated because Mistral's schema allows it and then overwrites it with the key.
    private static readonly string[] WorkflowKeys =
        ["version", "name", "type", "description", "tags", "input", "output", "output-on-error", "vars", "task-defaults", "tasks"];

    private WorkflowSpec? ReadWorkflow(string name, YamlNode key, YamlNode node, string path)
    {
        if (ExpectMapping(node, path, $"workflow '{name}'") is not { } map)
        {
            return null;
        }

        CheckKeys(map, path, WorkflowKeys, "a workflow");
        CheckVersion(map, path, required: false);
        if (Guid.TryParse(name, out _))
        {
            _bag.Add(key, path, "a workflow name cannot look like a UUID (the API would read it as an id)");
        }

        var type = WorkflowType.Direct;
        if (Get(map, "type") is { } typeNode)
        {
            var typeText = typeNode is YamlScalarNode s ? s.Value : null;
            switch (typeText)
            {
                case "direct":
                    break;
                case "reverse":
                    type = WorkflowType.Reverse;
                    break;
                default:
                    _bag.Add(typeNode, YamlPaths.Key(path, "type"), $"workflow type must be 'direct' or 'reverse', not {DescribeValue(typeNode, (typeNode as YamlScalarNode) is { } sc ? ScalarResolver.Resolve(sc) : null)}");
                    break;
            }
        }

        var references = new List<TaskReference>();
        var tasks = ImmutableArray<TaskSpec>.Empty;
        var tasksNode = Get(map, "tasks");
        if (tasksNode is null)
        {
            _bag.Add(key, path, $"workflow '{name}' has no 'tasks'");
        }
        else if (tasksNode is not YamlMappingNode tasksMap || tasksMap.Children.Count == 0)
        {
            _bag.Add(tasksNode, YamlPaths.Key(path, "tasks"), $"'tasks' must be a non-empty mapping of tasks by name, not {Describe(tasksNode)}");
        }
        else if (_limits?.CheckTaskCount(name, tasksMap.Children.Count) is { } tooMany)
        {
            // Checked before the tasks are read, so an oversized workflow costs no validation work.
            _bag.Add(tasksNode, YamlPaths.Key(path, "tasks"), tooMany);
        }
        else
        {
            tasks = ReadNamedList(tasksMap, YamlPaths.Key(path, "tasks"), "task",
                (n, k, v, p) => ReadTask(n, k, v, p, type, references));
        }

        var defaultsPath = YamlPaths.Key(path, "task-defaults");
        var defaults = Get(map, "task-defaults") is { } dNode ? ReadTaskDefaults(dNode, defaultsPath, type, references) : null;

        var spec = new WorkflowSpec
        {
            Name = name,
            Type = type,
            Description = Get(map, "description") is { } d ? ReadNonEmptyString(d, YamlPaths.Key(path, "description"), "description") : null,
            Tags = Get(map, "tags") is { } t ? ReadStringList(t, YamlPaths.Key(path, "tags"), "tags") : [],
            Input = Get(map, "input") is { } i ? ReadInput(i, YamlPaths.Key(path, "input")) : [],
            Output = ReadOptionalDict(map, "output", path),
            OutputOnError = ReadOptionalDict(map, "output-on-error", path),
            Vars = ReadOptionalDict(map, "vars", path),
            TaskDefaults = defaults,
            Tasks = tasks,
            Definition = Slice(key, node),
            Location = DiagnosticBag.At(key.Start),
        };

        new WorkflowGraphCheck(spec, path, references, _bag).Run();
        return spec;
    }

    private DictValue ReadOptionalDict(YamlMappingNode map, string key, string path) =>
        Get(map, key) is { } node ? ReadDict(node, YamlPaths.Key(path, key), $"'{key}'") ?? DictValue.Empty : DictValue.Empty;

    /// <summary>Mistral's input list: bare names and one-key <c>name: default</c> mappings, names unique.</summary>
    private ImmutableArray<InputParameter> ReadInput(YamlNode node, string path)
    {
        if (node is not YamlSequenceNode list || list.Children.Count == 0)
        {
            _bag.Add(node, path, $"'input' must be a non-empty list of names and 'name: default' entries, not {Describe(node)}");
            return [];
        }

        var items = ImmutableArray.CreateBuilder<InputParameter>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Children.Count; i++)
        {
            var item = list.Children[i];
            var itemPath = YamlPaths.Index(path, i);
            InputParameter? parameter = null;
            if (item is YamlMappingNode one && one.Children.Count == 1)
            {
                var (k, v) = one.Children.First();
                var name = KeyOf(k);
                if (name.Length == 0)
                {
                    _bag.Add(k, itemPath, "an input name must be a non-empty string");
                }
                else
                {
                    CheckExpressions(v, YamlPaths.Key(itemPath, name));
                    parameter = new InputParameter(name, NodeValues.ToValue(v), DiagnosticBag.At(item.Start));
                }
            }
            else if (item is YamlMappingNode)
            {
                _bag.Add(item, itemPath, "an input entry with a default must be a mapping with exactly one key ('name: default')");
            }
            else if (ReadNonEmptyString(item, itemPath, "an input name") is { } name)
            {
                parameter = new InputParameter(name, null, DiagnosticBag.At(item.Start));
            }

            if (parameter is null)
            {
                continue;
            }

            if (!seen.Add(parameter.Name))
            {
                _bag.Add(item, itemPath, $"duplicate input '{parameter.Name}'");
                continue;
            }

            items.Add(parameter);
        }

        return items.ToImmutable();
    }
}
