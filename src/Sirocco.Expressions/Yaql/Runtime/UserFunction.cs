using Sirocco.Expressions.Yaql.Syntax;

namespace Sirocco.Expressions.Yaql.Runtime;

/// <summary>A function made by <c>def(name, body)</c>: the body is evaluated with the call's arguments as <c>$1..$n</c>.</summary>
internal sealed record UserFunction(string Name, YaqlNode Body, Scope Closure);
