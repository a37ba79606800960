using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql.Runtime;

namespace Sirocco.Expressions.Yaql.Syntax;

/// <summary>A bare word: a string value, a property name after <c>.</c>, or an argument name before <c>=&gt;</c>.</summary>
internal sealed class KeywordNode(string name, int position) : YaqlNode(position)
{
    private readonly StringValue _value = new(name);

    public string Name { get; } = name;

    public override Value Evaluate(EvalContext context, Scope scope) => _value;
}
