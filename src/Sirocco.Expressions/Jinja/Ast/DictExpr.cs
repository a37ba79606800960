using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>A dict literal <c>{'k': v}</c>.</summary>
internal sealed class DictExpr(IReadOnlyList<KeyValuePair<Expr, Expr>> pairs, int position) : Expr(position)
{
    protected override Value Eval(Frame frame)
    {
        var entries = new List<KeyValuePair<Value, Value>>(pairs.Count);
        foreach (var (key, value) in pairs)
        {
            var k = Py.Defined(key.Evaluate(frame));
            if (k is ListValue { IsTuple: false } or DictValue)
            {
                throw JinjaException.Type($"unhashable type: '{Py.TypeName(k)}'");
            }

            entries.Add(new(k, value.Evaluate(frame)));
        }

        return DictValue.From(entries);
    }
}
