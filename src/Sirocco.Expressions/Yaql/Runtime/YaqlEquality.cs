using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Yaql.Runtime;

/// <summary>Python <c>==</c> over YAQL values (the value model's equality plus YAQL's own types).</summary>
internal static class YaqlEquality
{
    public static bool AreEqual(Value left, Value right)
    {
        switch (left, right)
        {
            case (ListValue a, ListValue b):
                // A Python list never equals a tuple (see PythonLists), element-wise otherwise.
                if (a.IsTuple != b.IsTuple || a.Count != b.Count)
                {
                    return false;
                }

                for (var i = 0; i < a.Count; i++)
                {
                    if (!AreEqual(a[i], b[i]))
                    {
                        return false;
                    }
                }

                return true;
            case (DictValue a, DictValue b):
                if (a.Count != b.Count)
                {
                    return false;
                }

                foreach (var (key, value) in a)
                {
                    if (!b.TryGetValue(key, out var other) || !AreEqual(value, other))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return left.Equals(right);
        }
    }
}
