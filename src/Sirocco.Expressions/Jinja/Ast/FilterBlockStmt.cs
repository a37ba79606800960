using System.Text;
using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary><c>{% filter upper | truncate(5) %}...{% endfilter %}</c>: filters applied to the rendered block.</summary>
internal sealed class FilterBlockStmt(IReadOnlyList<KeyValuePair<Filter, CallArgs>> filters, IReadOnlyList<Stmt> body) : Stmt
{
    public override void Render(Frame frame, StringBuilder output)
    {
        var inner = new StringBuilder();
        RenderAll(body, frame, inner);
        Value value = new StringValue(inner.ToString());
        foreach (var (filter, args) in filters)
        {
            value = filter(value, args.Evaluate(frame), frame);
        }

        output.Append(Py.Str(value));
        frame.CheckSize(output.Length);
    }
}
