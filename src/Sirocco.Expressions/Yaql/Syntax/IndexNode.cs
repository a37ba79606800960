using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql.Runtime;

namespace Sirocco.Expressions.Yaql.Syntax;

/// <summary><c>target[index]</c> and <c>dict[key, default]</c>.</summary>
internal sealed class IndexNode(YaqlNode target, YaqlNode[] arguments, int position) : YaqlNode(position)
{
    public YaqlNode Target { get; } = target;

    public YaqlNode[] Arguments { get; } = arguments;

    public override int Height { get; } = HeightOf([target, .. arguments]);

    public override Value Evaluate(EvalContext context, Scope scope)
    {
        context.Step();
        var target = Target.Evaluate(context, scope);
        if (Arguments.Length is < 1 or > 2 || Arguments.Any(a => a is MappingNode))
        {
            throw YaqlException.NoMatchingFunction("#indexer").At(Position);
        }

        var index = Arguments[0].Evaluate(context, scope);
        switch (target)
        {
            case ListValue list when Arguments.Length == 1 && index is IntValue or BoolValue:
                var n = index is IntValue i ? (long)i.Value : index.IsTruthy ? 1 : 0;
                if (n < 0)
                {
                    n += list.Count;
                }

                return n >= 0 && n < list.Count ? list[(int)n] : throw YaqlException.IndexOutOfRange().At(Position);
            case DictValue dict when Arguments.Length == 1:
                return dict.TryGetValue(index, out var value) ? value : throw YaqlException.KeyNotFound(YaqlText.Repr(index)).At(Position);
            case DictValue dict:
                var fallback = Arguments[1].Evaluate(context, scope);
                return dict.TryGetValue(index, out var found) ? found : fallback;
            default:
                throw YaqlException.NoMatchingFunction("#indexer").At(Position);
        }
    }
}
