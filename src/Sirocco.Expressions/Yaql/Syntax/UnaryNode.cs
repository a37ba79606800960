using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql.Runtime;

namespace Sirocco.Expressions.Yaql.Syntax;

/// <summary>Prefix <c>-</c> and <c>+</c>.</summary>
internal sealed class UnaryNode(string op, YaqlNode operand, int position) : YaqlNode(position)
{
    public string Operator { get; } = op;

    public YaqlNode Operand { get; } = operand;

    public override int Height { get; } = HeightOf(operand);

    public override Value Evaluate(EvalContext context, Scope scope)
    {
        context.Step();
        var value = Operand.Evaluate(context, scope);
        return (Operator, value) switch
        {
            ("-", IntValue i) => new IntValue(-i.Value),
            ("-", FloatValue f) => new FloatValue(-f.Value),
            ("-", YaqlTimeSpan t) => new YaqlTimeSpan(-t.Value),
            ("+", IntValue or FloatValue or YaqlTimeSpan) => value,
            _ => throw YaqlException.NoMatchingFunction("#unary_operator_" + Operator),
        };
    }
}
