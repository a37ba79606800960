using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Yaql.Runtime;

/// <summary>
/// Python lists inside YAQL. Most sequences there are tuples, but a few functions build lists
/// (<c>split()</c>, <c>enumerate()</c> pairs, <c>groupBy</c> values, <c>splitAt</c>, <c>insert</c>), and
/// that shows: a list never equals a tuple (<c>'a b'.split() = ['a', 'b']</c> is false), cannot be
/// hashed (into a set, as a key, by <c>distinct</c>), and prints with brackets. Inside the evaluator
/// <see cref="ListValue.IsTuple"/> marks these lists (it is otherwise unused there, every other
/// sequence being a tuple); output conversion clears it.
/// </summary>
internal static class PythonLists
{
    public static ListValue Create(IEnumerable<Value> items) => new(items, isTuple: true);

    public static bool IsPythonList(Value value) => value is ListValue { IsTuple: true };

    /// <summary>Throws Python's unhashable-type error when the value is, or contains, a list.</summary>
    public static Value RequireHashable(Value value)
    {
        switch (value)
        {
            case ListValue { IsTuple: true }:
                throw YaqlException.TypeError("unhashable type: 'list'");
            case ListValue tuple:
                foreach (var item in tuple.Items)
                {
                    RequireHashable(item);
                }

                break;
            case DictValue dict:
                foreach (var (key, item) in dict)
                {
                    RequireHashable(key);
                    RequireHashable(item);
                }

                break;
        }

        return value;
    }
}
