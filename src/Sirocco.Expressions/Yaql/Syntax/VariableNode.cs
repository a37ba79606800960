using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql.Runtime;

namespace Sirocco.Expressions.Yaql.Syntax;

/// <summary><c>$</c>, <c>$1</c>, <c>$name</c>. An undefined variable is null, as in the reference.</summary>
internal sealed class VariableNode(string name, int position) : YaqlNode(position)
{
    public string Name { get; } = name.Length == 0 ? "1" : name;

    public override Value Evaluate(EvalContext context, Scope scope) => scope.Lookup(Name) ?? Value.Null;
}
