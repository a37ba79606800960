using System.Text;

namespace Sirocco.Expressions.Jinja;

/// <summary><c>{{ expr }}</c> inside text: the <c>str()</c> of the value.</summary>
internal sealed class OutputStmt(Expr expr) : Stmt
{
    public override void Render(Frame frame, StringBuilder output)
    {
        output.Append(Py.Str(expr.Evaluate(frame)));
        frame.CheckSize(output.Length);
    }
}
