using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql.Runtime;

namespace Sirocco.Expressions.Yaql.Syntax;

/// <summary>A bare word: a string value, a property name after <c>.</c>, or an argument name before <c>=&gt;</c>.</summary>
internal sealed class KeywordNode(string name, int position) : YaqlNode(position)
{
    public string Name { get; } = name;

    /// <summary>The name as a value, made once so property access does not allocate a key per lookup.</summary>
    public StringValue Key { get; } = new(name);

    public override Value Evaluate(EvalContext context, Scope scope) => Key;
}
