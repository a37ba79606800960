using System.Text;
using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary><c>{% with a = 1 %}...{% endwith %}</c>: variables visible only inside the block.</summary>
internal sealed class WithStmt(IReadOnlyList<KeyValuePair<string, Expr>> assignments, IReadOnlyList<Stmt> body) : Stmt
{
    public override void Render(Frame frame, StringBuilder output)
    {
        var values = new List<KeyValuePair<string, Value>>(assignments.Count);
        foreach (var (name, expr) in assignments)
        {
            values.Add(new(name, expr.Evaluate(frame)));
        }

        frame.PushScope();
        try
        {
            foreach (var (name, value) in values)
            {
                frame.Assign(name, value);
            }

            RenderAll(body, frame, output);
        }
        finally
        {
            frame.PopScope();
        }
    }
}
