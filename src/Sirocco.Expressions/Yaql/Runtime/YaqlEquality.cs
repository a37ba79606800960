using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Yaql.Runtime;

/// <summary>Python <c>==</c> over YAQL values (the value model's equality plus YAQL's own types).</summary>
internal static class YaqlEquality
{
    public static bool AreEqual(Value left, Value right) => left.Equals(right);
}
