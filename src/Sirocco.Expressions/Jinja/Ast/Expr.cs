using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>An immutable parsed expression. Evaluation counts steps and depth against the frame's limits.</summary>
internal abstract class Expr
{
    protected Expr(int position) => Position = position;

    /// <summary>Offset of the expression in its source, for error messages.</summary>
    public int Position { get; }

    public Value Evaluate(Frame frame)
    {
        frame.Step();
        frame.Enter();
        try
        {
            return Eval(frame);
        }
        catch (JinjaException e) when (e.Position is null)
        {
            // The innermost expression that failed gives the error its position.
            throw e.At(Position);
        }
        finally
        {
            frame.Exit();
        }
    }

    protected abstract Value Eval(Frame frame);
}
