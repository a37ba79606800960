using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>A list <c>[a, b]</c> or tuple <c>(a, b)</c> literal.</summary>
internal sealed class ListExpr(IReadOnlyList<Expr> items, bool isTuple, int position) : Expr(position)
{
    public IReadOnlyList<Expr> Items { get; } = items;

    public bool IsTuple { get; } = isTuple;

    protected override Value Eval(Frame frame)
    {
        var values = new Value[Items.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Items[i].Evaluate(frame);
        }

        return new ListValue(values, IsTuple);
    }
}
