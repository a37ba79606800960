using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary><c>target.name</c>: attribute first, then item.</summary>
internal sealed class GetAttrExpr(Expr target, string name, int position) : Expr(position)
{
    protected override Value Eval(Frame frame) => Py.GetAttr(target.Evaluate(frame), name);
}
