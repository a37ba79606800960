using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql.Runtime;

namespace Sirocco.Expressions.Yaql.Syntax;

/// <summary>An argument left out, as in <c>f(, 1)</c>: the grammar allows it; no function accepts it.</summary>
internal sealed class OmittedNode(int position) : YaqlNode(position)
{
    public override Value Evaluate(EvalContext context, Scope scope) =>
        throw YaqlException.TypeError("An omitted argument cannot be used here");
}
