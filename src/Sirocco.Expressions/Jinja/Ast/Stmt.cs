using System.Text;

namespace Sirocco.Expressions.Jinja;

/// <summary>A template statement: text, <c>{{ output }}</c>, <c>{% if %}</c>, <c>{% for %}</c>, <c>{% set %}</c>.</summary>
internal abstract class Stmt
{
    public abstract void Render(Frame frame, StringBuilder output);

    protected static void RenderAll(IReadOnlyList<Stmt> body, Frame frame, StringBuilder output)
    {
        foreach (var stmt in body)
        {
            stmt.Render(frame, output);
        }
    }
}
