using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>The argument list of a call, filter or test: positional, keyword, <c>*args</c> and <c>**kwargs</c>.</summary>
internal sealed class CallArgs
{
    public static readonly CallArgs Empty = new([], [], null, null);

    public CallArgs(IReadOnlyList<Expr> positional, IReadOnlyList<KeyValuePair<string, Expr>> named, Expr? starArgs, Expr? starKwargs)
    {
        Positional = positional;
        Named = named;
        StarArgs = starArgs;
        StarKwargs = starKwargs;
    }

    public IReadOnlyList<Expr> Positional { get; }

    public IReadOnlyList<KeyValuePair<string, Expr>> Named { get; }

    public Expr? StarArgs { get; }

    public Expr? StarKwargs { get; }

    public Arguments Evaluate(Frame frame)
    {
        if (Positional.Count == 0 && Named.Count == 0 && StarArgs is null && StarKwargs is null)
        {
            return Arguments.None;
        }

        var positional = new List<Value>(Positional.Count);
        foreach (var arg in Positional)
        {
            positional.Add(arg.Evaluate(frame));
        }

        if (StarArgs is not null)
        {
            positional.AddRange(Py.Iterate(StarArgs.Evaluate(frame)));
        }

        var named = new List<KeyValuePair<string, Value>>(Named.Count);
        foreach (var (name, arg) in Named)
        {
            named.Add(new(name, arg.Evaluate(frame)));
        }

        if (StarKwargs is not null)
        {
            if (Py.Defined(StarKwargs.Evaluate(frame)) is not DictValue dict)
            {
                throw JinjaException.Type("argument after ** must be a mapping");
            }

            named.AddRange(dict.Select(e => new KeyValuePair<string, Value>(Py.Str(e.Key), e.Value)));
        }

        return new Arguments(positional, named);
    }
}
