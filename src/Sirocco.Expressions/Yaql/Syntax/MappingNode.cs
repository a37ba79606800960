using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql.Runtime;

namespace Sirocco.Expressions.Yaql.Syntax;

/// <summary><c>key =&gt; value</c> inside an argument list or map literal.</summary>
internal sealed class MappingNode(YaqlNode key, YaqlNode value, int position) : YaqlNode(position)
{
    public YaqlNode Key { get; } = key;

    public YaqlNode Value { get; } = value;

    public override int Height { get; } = HeightOf(key, value);

    /// <summary>The argument name when the key is a bare word (<c>name =&gt; value</c>), else null.</summary>
    public string? Name => Key is KeywordNode keyword ? keyword.Name : null;

    public override Value Evaluate(EvalContext context, Scope scope) =>
        throw YaqlException.TypeError("A mapping rule (=>) can only appear in an argument list");
}
