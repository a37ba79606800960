using Sirocco.Actions.Abstractions;
using Sirocco.Expressions.Values;

namespace Sirocco.Actions.Registry;

/// <summary>Binds a JSON input dictionary to an action's parameter properties.</summary>
internal static class ActionInputBinder
{
    public static void Bind(ActionDescriptor descriptor, IAction action, DictValue input)
    {
        var byName = descriptor.Parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var unexpected = new List<Value>();
        var invalid = new List<Value>();
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in input)
        {
            var name = JsonValues.KeyText(key);
            if (!byName.TryGetValue(name, out var parameter))
            {
                unexpected.Add(new StringValue(name));
                continue;
            }

            given.Add(name);
            if (ValueConversion.TryConvert(value, parameter.Type, parameter.AcceptsNull, out var converted, out var expected))
            {
                parameter.Property.SetValue(action, converted);
            }
            else
            {
                invalid.Add(new StringValue($"{name}: expected {expected}, got {Describe(value)}"));
            }
        }

        // Mistral reports missing and unexpected names together, in its own format, before anything runs.
        var missing = descriptor.Parameters.Where(p => p.Required && !given.Contains(p.Name))
            .Select(p => (Value)new StringValue(p.Name)).ToList();
        if (missing.Count == 0 && unexpected.Count == 0 && invalid.Count == 0)
        {
            return;
        }

        var message = $"Invalid input [name={descriptor.Name}, class={descriptor.ImplementationType.Name}";
        if (missing.Count > 0)
        {
            message += $", missing={new ListValue(missing).ToRepr()}";
        }

        if (unexpected.Count > 0)
        {
            message += $", unexpected={new ListValue(unexpected).ToRepr()}";
        }

        if (invalid.Count > 0)
        {
            message += $", invalid={new ListValue(invalid).ToRepr()}";
        }

        throw new ActionInputException(message + "]");
    }

    private static string Describe(Value value)
    {
        var text = value.ToJson();
        return $"{KindName(value.Kind)} {(text.Length > 40 ? text[..40] + "..." : text)}";
    }

    public static string KindName(ValueKind kind) => kind switch
    {
        ValueKind.Null => "null",
        ValueKind.Bool => "a boolean",
        ValueKind.Int => "an integer",
        ValueKind.Float => "a number",
        ValueKind.String => "a string",
        ValueKind.List => "a list",
        _ => "a dictionary",
    };
}
