namespace Sirocco.Expressions.Tests.Yaql;

/// <summary>
/// YAQL lists, dicts and sets: construction, access, copies with changes, type checks. Expected values were produced by the reference (python yaql 2.0 with
/// Mistral 15's engine options) on the corpus contexts; <c>SET</c> marks an unordered result.
/// </summary>
public sealed class YaqlCollectionsTests
{
    [Theory]
    [InlineData("data", "list()", "OK []")]
    [InlineData("data", "list([1], 2)", "OK [[1],2]")]
    [InlineData("data", "list($.nums.where($>5), 1)", "OK [9,6,1]")]
    [InlineData("data", "list(set(1))", "OK [[1]]")]
    [InlineData("data", "dict(a => 1, b => [1, 2])", "OK {\"a\":1,\"b\":[1,2]}")]
    [InlineData("data", "dict([[1, 2]])", "OK {\"1\":2}")]
    [InlineData("data", "{null => 1}", "OK {\"null\":1}")]
    [InlineData("data", "[set(1)]", "OK [[1]]")]
    [InlineData("data", "{a => set(1)}", "OK {\"a\":[1]}")]
    [InlineData("data", "$.dict.keys().len()", "OK 3")]
    [InlineData("data", "$.dict.values()", "OK [1,2,3]")]
    [InlineData("data", "$.dict.values()[0]", "ERR no_matching_function")]
    [InlineData("data", "$.dict.items().len()", "OK 3")]
    [InlineData("data", "$.dict.items().toList()[0]", "OK [\"a\",1]")]
    [InlineData("data", "$.dict.get(z, 5)", "OK 5")]
    [InlineData("data", "$.dict.containsValue(9)", "OK false")]
    [InlineData("data", "dict(a => 1).set(b, 2)", "OK {\"a\":1,\"b\":2}")]
    [InlineData("data", "$.dict.delete(z)", "OK {\"a\":1,\"b\":2,\"c\":3}")]
    [InlineData("data", "{a => 1, b => 2}.mergeWith({b => 3}, maxLevels => 1)", "OK {\"a\":1,\"b\":3}")]
    [InlineData("data", "{a => [1]}.mergeWith({a => [2]}, $1 + $2)", "OK {\"a\":[1,2]}")]
    [InlineData("data", "{a => 1}.mergeWith({a => 2}, null, $1 + $2)", "OK {\"a\":3}")]
    [InlineData("data", "{a => {b => 1}}.mergeWith({a => 2})", "OK {\"a\":2}")]
    [InlineData("data", "set(1, 2).intersect(set(2, 3))", "SET [2]")]
    [InlineData("data", "set(1, 2).symmetricDifference(set(2, 3))", "SET [1,3]")]
    [InlineData("data", "set(1, 2).add(3, 4)", "SET [1,2,3,4]")]
    [InlineData("data", "set(1).len()", "OK 1")]
    [InlineData("data", "len(set(1,2))", "OK 2")]
    [InlineData("data", "[1, 2].toSet()", "SET [1,2]")]
    [InlineData("data", "$.nums.contains(1)", "OK true")]
    [InlineData("data", "isList(set(1))", "OK false")]
    [InlineData("data", "isSet(set(1))", "OK true")]
    [InlineData("data", "isDict({})", "OK true")]
    [InlineData("data", "$.nums.select($).isList()", "ERR unknown_function")]
    [InlineData("data", "isIterable($.nums.select($))", "OK true")]
    [InlineData("data", "$.dict.toList()", "ERR no_matching_function")]
    [InlineData("data", "$.users.toDict($.name, $.age).keys()", "SET [\"alice\",\"bob\",\"carol\",\"dave\"]")]
    [InlineData("data", "$.nums.delete(1)", "OK [3,4,1,5,9,2,6]")]
    [InlineData("data", "$.nums.delete(1, 3)", "OK [3,5,9,2,6]")]
    [InlineData("data", "$.nums.replace(0, 99)", "OK [99,1,4,1,5,9,2,6]")]
    [InlineData("data", "$.nums.replaceMany(1, [7, 8], 2)", "OK [3,7,8,1,5,9,2,6]")]
    [InlineData("data", "$.nums.insert(-1, 0)", "OK [3,1,4,1,5,9,2,0,6]")]
    [InlineData("data", "$.nums.insert(100, 0)", "OK [3,1,4,1,5,9,2,6,0]")]
    [InlineData("data", "$.nums.insert(0, 1)[0]", "OK 1")]
    [InlineData("data", "$.nums.insertMany(0, [1])[0]", "ERR no_matching_function")]
    [InlineData("data", "[1, [2, [3, [4]]]].flatten()", "OK [1,2,3,4]")]
    [InlineData("data", "[1,2] + [3]", "OK [1,2,3]")]
    [InlineData("data", "$.users.toDict($.name)[alice].age", "OK 31")]
    public void Expression_evaluates_as_the_reference(string context, string expression, string expected) =>
        YaqlAssert.Evaluates(context, expression, expected);
}
