using System.Text;
using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary><c>{% set a = expr %}</c>, <c>{% set a, b = pair %}</c>, or the block form <c>{% set a %}text{% endset %}</c>.</summary>
internal sealed class SetStmt(IReadOnlyList<string> targets, Expr? value, IReadOnlyList<Stmt>? body, string? attribute = null) : Stmt
{
    public override void Render(Frame frame, StringBuilder output)
    {
        Value result;
        if (value is not null)
        {
            result = value.Evaluate(frame);
        }
        else
        {
            var text = new StringBuilder();
            RenderAll(body!, frame, text);
            result = new StringValue(text.ToString());
        }

        if (attribute is null)
        {
            Assign(frame, targets, result);
            return;
        }

        if (frame.Lookup(targets[0]) is not Namespace ns)
        {
            throw new JinjaException(ErrorCategories.Other, "cannot assign attribute on non-namespace object");
        }

        ns.Set(attribute, result);
    }

    internal static void Assign(Frame frame, IReadOnlyList<string> targets, Value value)
    {
        if (targets.Count == 1)
        {
            frame.Assign(targets[0], value);
            return;
        }

        var items = Py.Iterate(value);
        if (items.Count != targets.Count)
        {
            throw JinjaException.ValueError(items.Count > targets.Count
                ? $"too many values to unpack (expected {targets.Count})"
                : $"not enough values to unpack (expected {targets.Count}, got {items.Count})");
        }

        for (var i = 0; i < targets.Count; i++)
        {
            frame.Assign(targets[i], items[i]);
        }
    }
}
