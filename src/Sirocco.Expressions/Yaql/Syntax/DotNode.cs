using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql.Runtime;

namespace Sirocco.Expressions.Yaql.Syntax;

/// <summary><c>receiver.name</c>, <c>receiver.method(args)</c>, and the null-safe <c>?.</c> forms.</summary>
internal sealed class DotNode(YaqlNode receiver, YaqlNode member, bool nullSafe, int position) : YaqlNode(position)
{
    public YaqlNode Receiver { get; } = receiver;

    public YaqlNode Member { get; } = member;

    public bool NullSafe { get; } = nullSafe;

    public override int Height { get; } = HeightOf(receiver, member);

    public override Value Evaluate(EvalContext context, Scope scope)
    {
        context.Step();
        var receiver = Receiver.Evaluate(context, scope);
        if (NullSafe && receiver is NullValue)
        {
            return Value.Null;
        }

        try
        {
            return Member switch
            {
                KeywordNode keyword => Properties.Get(receiver, keyword.Key, context),
                CallNode call => context.Library.CallMethod(call, receiver, scope, context),
                _ => Member.Evaluate(context, new Scope(scope, receiver)),
            };
        }
        catch (YaqlException e) when (e.Position is null)
        {
            throw e.At(Member.Position);
        }
    }
}
