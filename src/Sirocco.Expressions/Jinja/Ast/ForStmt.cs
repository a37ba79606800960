using System.Text;
using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary><c>{% for x in items if cond %}...{% else %}...{% endfor %}</c> with Jinja's <c>loop</c> variable.</summary>
internal sealed class ForStmt(
    IReadOnlyList<string> targets, Expr iterable, Expr? condition, IReadOnlyList<Stmt> body, IReadOnlyList<Stmt> otherwise) : Stmt
{
    public override void Render(Frame frame, StringBuilder output)
    {
        var source = Py.Iterate(iterable.Evaluate(frame));
        IReadOnlyList<Value> items = source;
        if (condition is not null)
        {
            var kept = new List<Value>();
            frame.PushScope();
            try
            {
                foreach (var item in source)
                {
                    SetStmt.Assign(frame, targets, item);
                    if (Py.Truthy(condition.Evaluate(frame)))
                    {
                        kept.Add(item);
                    }
                }
            }
            finally
            {
                frame.PopScope();
            }

            items = kept;
        }

        if (items.Count == 0)
        {
            RenderAll(otherwise, frame, output);
            return;
        }

        frame.PushScope();
        try
        {
            var loop = new LoopObject(items);
            for (var i = 0; i < items.Count; i++)
            {
                frame.Step();
                loop.MoveTo(i);
                SetStmt.Assign(frame, targets, items[i]);
                frame.Assign("loop", loop);
                RenderAll(body, frame, output);
            }
        }
        finally
        {
            frame.PopScope();
        }
    }
}
