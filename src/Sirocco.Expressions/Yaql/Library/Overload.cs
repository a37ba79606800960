using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Yaql.Library;

/// <summary>
/// One implementation of a function name. <see cref="MinArgs"/>/<see cref="MaxArgs"/> count the
/// positional arguments including the receiver of a method (-1: no maximum). The body throws
/// <see cref="NoMatchException"/> when the argument types do not fit, so the next overload is tried.
/// </summary>
internal sealed record Overload(CallForm Form, int MinArgs, int MaxArgs, Func<Invocation, Value> Body, bool AcceptsNamed);
