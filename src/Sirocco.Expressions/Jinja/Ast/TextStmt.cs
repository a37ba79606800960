using System.Text;

namespace Sirocco.Expressions.Jinja;

/// <summary>Literal text between tags.</summary>
internal sealed class TextStmt(string text) : Stmt
{
    public override void Render(Frame frame, StringBuilder output)
    {
        output.Append(text);
        frame.CheckSize(output.Length);
    }
}
