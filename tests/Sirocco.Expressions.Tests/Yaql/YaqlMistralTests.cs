namespace Sirocco.Expressions.Tests.Yaql;

/// <summary>
/// YAQL Mistral's functions: json_*, yaml_*, uuid, env. Expected values were produced by the reference (python yaql 2.0 with
/// Mistral 15's engine options) on the corpus contexts; <c>SET</c> marks an unordered result.
/// </summary>
public sealed class YaqlMistralTests
{
    [Theory]
    [InlineData("data", "json_dump([1, '\u00fc', {a => null, b => 1.5, c => true}])", "OK \"[\\n    1,\\n    \\\"\\\\u00fc\\\",\\n    {\\n        \\\"a\\\": null,\\n        \\\"b\\\": 1.5,\\n        \\\"c\\\": true\\n    }\\n]\"")]
    [InlineData("data", "json_dump({})", "OK \"{}\"")]
    [InlineData("data", "json_dump([[]])", "OK \"[\\n    []\\n]\"")]
    [InlineData("data", "json_dump(set(1))", "OK \"[\\n    1\\n]\"")]
    [InlineData("data", "json_pp('a\\nb')", "OK \"\\\"a\\nb\\\"\"")]
    [InlineData("data", "json_pp({a => 'x\\ny'})", "OK \"{\\n    \\\"a\\\": \\\"x\\ny\\\"\\n}\"")]
    [InlineData("data", "json_parse('[1, 2.0, \"x\", null, true, {\"a\": {}}]')", "OK [1,2.0,\"x\",null,true,{\"a\":{}}]")]
    [InlineData("data", "json_parse(1)", "ERR type_error")]
    [InlineData("data", "yaml_dump({b => {c => [1, {d => 2}], a => []}, a => 'x y'})", "OK \"a: x y\\nb:\\n  a: []\\n  c:\\n  - 1\\n  - d: 2\\n\"")]
    [InlineData("data", "yaml_dump([[1, 2], {a => 1}])", "OK \"- - 1\\n  - 2\\n- a: 1\\n\"")]
    [InlineData("data", "yaml_dump('hello')", "OK \"hello\\n...\\n\"")]
    [InlineData("data", "yaml_dump(1)", "OK \"1\\n...\\n\"")]
    [InlineData("data", "yaml_dump(null)", "OK \"null\\n...\\n\"")]
    [InlineData("data", "yaml_dump('')", "OK \"''\\n\"")]
    [InlineData("data", "yaml_dump(['yes', 'no', '1', '1.5', 'null', '~', '-a', '- a', 'a: b', 'a #b', 'x:', '@x', ' x', 'ab\\ncd', \"it's\", 'Gr\u00fc\u00dfe', '2020-01-01', 'True', '0x1F', '010', '.5', '1e3'])", "OK \"- 'yes'\\n- 'no'\\n- '1'\\n- '1.5'\\n- 'null'\\n- '~'\\n- -a\\n- '- a'\\n- 'a: b'\\n- 'a #b'\\n- 'x:'\\n- '@x'\\n- ' x'\\n- 'ab\\n\\n  cd'\\n- it's\\n- \\\"Gr\\\\xFC\\\\xDFe\\\"\\n- '2020-01-01'\\n- 'True'\\n- '0x1F'\\n- '010'\\n- '.5'\\n- 1e3\\n\"")]
    [InlineData("data", "yaml_dump(1.5e20)", "ERR syntax")]
    [InlineData("data", "yaml_dump({1 => a, 2 => b})", "OK \"1: a\\n2: b\\n\"")]
    [InlineData("data", "yaml_parse('a: 1\\nb: [x, \"y\", 2.5, ~, yes, off, 0x1F, 017, 1_000, 1e3]')", "OK {\"a\":1,\"b\":[\"x\",\"y\",2.5,null,true,false,31,15,1000,\"1e3\"]}")]
    [InlineData("data", "yaml_parse('')", "OK null")]
    [InlineData("data", "yaml_parse('{a: {b: c}}')", "OK {\"a\":{\"b\":\"c\"}}")]
    [InlineData("data", "yaml_parse('- &a 1\\n- *a')", "OK [1,1]")]
    [InlineData("data", "yaml_parse('1: one')", "OK {\"1\":\"one\"}")]
    [InlineData("data", "yaml_parse(\"'quoted'\")", "OK \"quoted\"")]
    [InlineData("data", "uuid(1)", "ERR no_matching_function")]
    [InlineData("wf", "env().flags.debug", "OK true")]
    [InlineData("wf", "env()?.missing", "ERR key_not_found")]
    [InlineData("wf", "$.__env", "ERR syntax")]
    [InlineData("data", "json_dump({a => {b => {c => {d => 1}}}})", "OK \"{\\n    \\\"a\\\": {\\n        \\\"b\\\": {\\n            \\\"c\\\": null\\n        }\\n    }\\n}\"")]
    [InlineData("data", "json_dump([{a => [{b => {c => [{d => 1}]}}]}])", "OK \"[\\n    {\\n        \\\"a\\\": [\\n            {\\n                \\\"b\\\": {\\n                    \\\"c\\\": [\\n                        null\\n                    ]\\n                }\\n            }\\n        ]\\n    }\\n]\"")]
    [InlineData("data", "json_pp({x => $.nested})", "OK \"{\\n    \\\"x\\\": {\\n        \\\"a\\\": {\\n            \\\"b\\\": null\\n        },\\n        \\\"arr\\\": [\\n            {\\n                \\\"k\\\": 1\\n            },\\n            {\\n                \\\"k\\\": 2\\n            }\\n        ]\\n    }\\n}\"")]
    public void Expression_evaluates_as_the_reference(string context, string expression, string expected) =>
        YaqlAssert.Evaluates(context, expression, expected);
}
