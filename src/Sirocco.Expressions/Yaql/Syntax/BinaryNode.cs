using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql.Runtime;

namespace Sirocco.Expressions.Yaql.Syntax;

/// <summary>Arithmetic, comparison, membership and regex-match operators.</summary>
internal sealed class BinaryNode : YaqlNode
{
    // The reference rules out overloads by the types of literal arguments before it evaluates any
    // argument, so "false - $.missing" is a no-matching-function error, not a missing key.
    private readonly bool _cannotMatch;

    public BinaryNode(string op, YaqlNode left, YaqlNode right, int position)
        : base(position)
    {
        Operator = op;
        Left = left;
        Right = right;
        Height = HeightOf(left, right);
        _cannotMatch = !Accepts(op, left, isLeft: true) || !Accepts(op, right, isLeft: false);
    }

    public string Operator { get; }

    public override int Height { get; }

    public YaqlNode Left { get; }

    public YaqlNode Right { get; }

    public override Value Evaluate(EvalContext context, Scope scope)
    {
        context.Step();
        if (_cannotMatch)
        {
            throw YaqlException.NoMatchingFunction("#operator_" + Operator).At(Position);
        }

        var left = Left.Evaluate(context, scope);
        var right = Right.Evaluate(context, scope);
        try
        {
            return Operators.Apply(Operator, left, right, context);
        }
        catch (YaqlException e) when (e.Position is null)
        {
            throw e.At(Position);
        }
    }

    /// <summary>Whether a literal operand can fit some overload of the operator (non-literals always might).</summary>
    private static bool Accepts(string op, YaqlNode operand, bool isLeft)
    {
        if (operand is not ConstantNode { Value: var value })
        {
            return true;
        }

        return op switch
        {
            "+" => value is IntValue or FloatValue or StringValue,
            "*" => value is IntValue or FloatValue or StringValue or BoolValue,
            "-" or "/" or "mod" => value is IntValue or FloatValue,
            "in" => isLeft || value is StringValue,
            "=~" or "!~" => value is StringValue,
            _ => true,
        };
    }
}
