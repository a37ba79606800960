namespace Sirocco.Expressions.Yaql.Library;

/// <summary>How a YAQL function may be called: <c>f(x)</c>, <c>x.f()</c>, or both (an extension method).</summary>
[Flags]
internal enum CallForm
{
    Function = 1,
    Method = 2,
    Both = Function | Method,
}
