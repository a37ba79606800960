using System.Text;

namespace Sirocco.Expressions.Jinja;

/// <summary><c>{% if %}...{% elif %}...{% else %}...{% endif %}</c>.</summary>
internal sealed class IfStmt(IReadOnlyList<KeyValuePair<Expr, IReadOnlyList<Stmt>>> branches, IReadOnlyList<Stmt> otherwise) : Stmt
{
    public override void Render(Frame frame, StringBuilder output)
    {
        foreach (var (test, body) in branches)
        {
            if (Py.Truthy(test.Evaluate(frame)))
            {
                RenderAll(body, frame, output);
                return;
            }
        }

        RenderAll(otherwise, frame, output);
    }
}
