using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>A variable reference: a template variable, <c>_</c>, a Mistral function or a Jinja global.</summary>
internal sealed class NameExpr(string name, int position) : Expr(position)
{
    public string Name { get; } = name;

    protected override Value Eval(Frame frame) => frame.Lookup(Name);
}
