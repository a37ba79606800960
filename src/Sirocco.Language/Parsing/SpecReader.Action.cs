using Sirocco.Language.Model;

namespace Sirocco.Language.Parsing;

internal sealed partial class SpecReader
{
    // 'name' is tolerated because Mistral's schema allows it and then overwrites it with the key.
    private static readonly string[] ActionKeys = ["version", "name", "base", "base-input", "input", "output", "description", "tags"];

    private ActionSpec? ReadAction(string name, YamlNode key, YamlNode node, string path)
    {
        if (ExpectMapping(node, path, $"action '{name}'") is not { } map)
        {
            return null;
        }

        CheckKeys(map, path, ActionKeys, "an ad-hoc action");
        CheckVersion(map, path, required: false);
        if (Get(map, "base") is not { } baseNode)
        {
            _bag.Add(key, path, $"action '{name}' is missing required key 'base'");
            return null;
        }

        var (baseName, inline) = ReadCommand(baseNode, YamlPaths.Key(path, "base"), "'base'");
        var baseInput = ReadOptionalDict(map, "base-input", path);
        var output = Get(map, "output");
        if (output is not null)
        {
            CheckExpressions(output, YamlPaths.Key(path, "output"));
        }

        return baseName is null
            ? null
            : new ActionSpec
            {
                Name = name,
                Base = baseName,
                BaseInput = baseInput.Merge(inline),
                Input = Get(map, "input") is { } i ? ReadInput(i, YamlPaths.Key(path, "input")) : [],
                Output = output is null ? null : NodeValues.ToValue(output),
                Description = Get(map, "description") is { } d ? ReadNonEmptyString(d, YamlPaths.Key(path, "description"), "description") : null,
                Tags = Get(map, "tags") is { } t ? ReadStringList(t, YamlPaths.Key(path, "tags"), "tags") : [],
                Definition = Slice(key, node),
                Location = DiagnosticBag.At(key.Start),
            };
    }
}
