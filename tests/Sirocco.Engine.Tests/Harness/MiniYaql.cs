using System.Globalization;
using System.Numerics;
using System.Text;
using Sirocco.Expressions;
using Sirocco.Expressions.Values;

namespace Sirocco.Engine.Tests.Harness;

/// <summary>
/// A deliberately small YAQL subset (paths, literals, comparisons, and/or/not, + - * /, task(), env(),
/// execution(), global(), len()) so that the engine's scenarios run before the real evaluators are merged.
/// Every scenario uses only valid YAQL, so the real evaluator gives the same results.
/// </summary>
internal sealed class MiniYaql : IExpressionEvaluator
{
    private const string Open = "<%";
    private const string Close = "%>";

    public bool ContainsExpression(string text) => text.Contains(Open, StringComparison.Ordinal);

    public IReadOnlyList<ExpressionError> CheckSyntax(string text) => [];

    public ExpressionResult Evaluate(string text, ExpressionContext context)
    {
        var start = text.IndexOf(Open, StringComparison.Ordinal);
        if (start < 0)
        {
            return ExpressionResult.Success(Value.From(text));
        }

        try
        {
            var trimmed = text.Trim();
            if (trimmed.StartsWith(Open, StringComparison.Ordinal) && trimmed.EndsWith(Close, StringComparison.Ordinal)
                && trimmed.IndexOf(Open, 2, StringComparison.Ordinal) < 0)
            {
                return ExpressionResult.Success(Eval(trimmed[2..^2], context));
            }

            var builder = new StringBuilder();
            var position = 0;
            while (start >= 0)
            {
                var end = text.IndexOf(Close, start, StringComparison.Ordinal);
                builder.Append(text, position, start - position);
                builder.Append(Eval(text[(start + 2)..end], context).ToText());
                position = end + 2;
                start = text.IndexOf(Open, position, StringComparison.Ordinal);
            }

            builder.Append(text, position, text.Length - position);
            return ExpressionResult.Success(Value.From(builder.ToString()));
        }
        catch (InvalidOperationException e)
        {
            return ExpressionResult.Failure(new ExpressionError(text, "evaluation",
                $"Can not evaluate YAQL expression [expression={text.Trim()}, error={e.Message}, data={{}}]"));
        }
    }

    public ExpressionResult EvaluateDeep(Value value, ExpressionContext context)
    {
        switch (value)
        {
            case StringValue s:
                return Evaluate(s.Value, context);
            case ListValue list:
                var items = new List<Value>();
                foreach (var item in list)
                {
                    var r = EvaluateDeep(item, context);
                    if (!r.IsSuccess)
                    {
                        return r;
                    }

                    items.Add(r.Value!);
                }

                return ExpressionResult.Success(new ListValue(items));
            case DictValue dict:
                var entries = new List<KeyValuePair<Value, Value>>();
                foreach (var (key, item) in dict)
                {
                    var r = EvaluateDeep(item, context);
                    if (!r.IsSuccess)
                    {
                        return r;
                    }

                    entries.Add(new(key, r.Value!));
                }

                return ExpressionResult.Success(DictValue.From(entries));
            default:
                return ExpressionResult.Success(value);
        }
    }

    private static Value Eval(string expression, ExpressionContext context) => new Parser(expression, context).Run();

    private sealed class Parser(string text, ExpressionContext context)
    {
        private int _pos;

        public Value Run()
        {
            var value = Or();
            Skip();
            if (_pos < text.Length)
            {
                throw new InvalidOperationException($"unexpected '{text[_pos..]}'");
            }

            return value;
        }

        private Value Or()
        {
            var left = And();
            while (Word("or"))
            {
                var right = And();
                left = left.IsTruthy ? left : right;
            }

            return left;
        }

        private Value And()
        {
            var left = Not();
            while (Word("and"))
            {
                var right = Not();
                left = !left.IsTruthy ? left : right;
            }

            return left;
        }

        private Value Not() => Word("not") ? Value.From(!Not().IsTruthy) : Compare();

        private Value Compare()
        {
            var left = Add();
            foreach (var op in new[] { "!=", "<=", ">=", "=", "<", ">" })
            {
                if (Symbol(op))
                {
                    var right = Add();
                    return Value.From(op switch
                    {
                        "=" => left.Equals(right),
                        "!=" => !left.Equals(right),
                        _ => CompareNumbers(left, right, op),
                    });
                }
            }

            if (Word("in"))
            {
                var right = Add();
                return Value.From(right switch
                {
                    ListValue l => l.Contains(left),
                    DictValue d => d.ContainsKey(left),
                    StringValue s => s.Value.Contains(left.ToText(), StringComparison.Ordinal),
                    _ => false,
                });
            }

            return left;
        }

        private static bool CompareNumbers(Value left, Value right, string op)
        {
            var c = left is StringValue ls && right is StringValue rs
                ? string.CompareOrdinal(ls.Value, rs.Value)
                : Number(left).CompareTo(Number(right));
            return op switch { "<" => c < 0, ">" => c > 0, "<=" => c <= 0, _ => c >= 0 };
        }

        private static double Number(Value v) => v switch
        {
            IntValue i => (double)i.Value,
            FloatValue f => f.Value,
            BoolValue b => b.Value ? 1 : 0,
            _ => throw new InvalidOperationException($"not a number: {v.ToRepr()}"),
        };

        private Value Add()
        {
            var left = Mul();
            while (true)
            {
                if (Symbol("+"))
                {
                    var right = Mul();
                    left = (left, right) switch
                    {
                        (IntValue a, IntValue b) => Value.From(a.Value + b.Value),
                        (StringValue a, StringValue b) => Value.From(a.Value + b.Value),
                        (ListValue a, ListValue b) => new ListValue(a.Concat(b)),
                        _ => Value.From(Number(left) + Number(right)),
                    };
                }
                else if (Symbol("-"))
                {
                    var right = Mul();
                    left = left is IntValue a && right is IntValue b ? Value.From(a.Value - b.Value) : Value.From(Number(left) - Number(right));
                }
                else
                {
                    return left;
                }
            }
        }

        private Value Mul()
        {
            var left = Unary();
            while (true)
            {
                if (Symbol("*"))
                {
                    var right = Unary();
                    left = left is IntValue a && right is IntValue b ? Value.From(a.Value * b.Value) : Value.From(Number(left) * Number(right));
                }
                else if (Symbol("/"))
                {
                    var right = Unary();
                    left = left is IntValue a && right is IntValue b ? Value.From(BigInteger.Divide(a.Value, b.Value)) : Value.From(Number(left) / Number(right));
                }
                else
                {
                    return left;
                }
            }
        }

        private Value Unary() => Symbol("-") ? Negate(Unary()) : Postfix(Primary());

        private static Value Negate(Value v) => v is IntValue i ? Value.From(-i.Value) : Value.From(-Number(v));

        private Value Postfix(Value value)
        {
            while (true)
            {
                if (Symbol("."))
                {
                    var name = Identifier();
                    if (Symbol("("))
                    {
                        var args = Arguments();
                        value = Method(name, value, args);
                    }
                    else
                    {
                        value = value is DictValue d ? d.Get(name) ?? Value.Null : throw new InvalidOperationException($"cannot read '{name}' of {value.ToRepr()}");
                    }
                }
                else if (Symbol("["))
                {
                    var index = Or();
                    Expect("]");
                    value = (value, index) switch
                    {
                        (ListValue l, IntValue i) => l[(int)(i.Value < 0 ? l.Count + i.Value : i.Value)],
                        (DictValue d, _) => d.TryGetValue(index, out var v) ? v : throw new InvalidOperationException($"key {index.ToRepr()} not found"),
                        _ => throw new InvalidOperationException("bad index"),
                    };
                }
                else
                {
                    return value;
                }
            }
        }

        private static Value Method(string name, Value target, List<Value> args) => name switch
        {
            "len" => Value.From(Length(target)),
            "keys" when target is DictValue d => new ListValue(d.Keys),
            "first" when target is ListValue l => l.Count > 0 ? l[0] : args.Count > 0 ? args[0] : throw new InvalidOperationException("first() of an empty sequence"),
            _ => throw new InvalidOperationException($"no method {name}"),
        };

        private static long Length(Value v) => v switch
        {
            ListValue l => l.Count,
            DictValue d => d.Count,
            StringValue s => s.Value.Length,
            _ => throw new InvalidOperationException("len() of a non-collection"),
        };

        private Value Primary()
        {
            Skip();
            if (_pos >= text.Length)
            {
                throw new InvalidOperationException("unexpected end of expression");
            }

            var c = text[_pos];
            if (c == '$')
            {
                _pos++;
                return context.Data;
            }

            if (c is '\'' or '"')
            {
                var end = text.IndexOf(c, _pos + 1);
                var s = text[(_pos + 1)..end];
                _pos = end + 1;
                return Value.From(s);
            }

            if (char.IsDigit(c))
            {
                var start = _pos;
                while (_pos < text.Length && (char.IsDigit(text[_pos]) || text[_pos] == '.'))
                {
                    _pos++;
                }

                return JsonValues.ParseNumber(text[start.._pos]);
            }

            if (Symbol("("))
            {
                var inner = Or();
                Expect(")");
                return inner;
            }

            if (Symbol("["))
            {
                var items = new List<Value>();
                while (!Symbol("]"))
                {
                    items.Add(Or());
                    Symbol(",");
                }

                return new ListValue(items);
            }

            var name = Identifier();
            switch (name)
            {
                case "true":
                    return Value.True;
                case "false":
                    return Value.False;
                case "null":
                    return Value.Null;
            }

            // YAQL reads a bare identifier that is not a call as a string: task(task1).
            return Symbol("(") ? Function(name, Arguments()) : Value.From(name);
        }

        private Value Function(string name, List<Value> args)
        {
            var data = context.Data as DictValue ?? DictValue.Empty;
            var state = context.Workflow;
            return name switch
            {
                "task" => state?.Task(args.Count > 0 ? args[0].ToText() : null) ?? Value.Null,
                "tasks" => state?.Tasks(null, false, args.Count > 1 ? args[1].ToText() : null, false) ?? ListValue.Empty,
                "env" => data.Get("__env") ?? DictValue.Empty,
                "execution" => data.Get("__execution") ?? Value.Null,
                "global" => state?.Global(args[0].ToText()) ?? Value.Null,
                "len" => Value.From(Length(args[0])),
                "str" => Value.From(args[0].ToText()),
                "int" => Value.From(long.Parse(args[0].ToText(), CultureInfo.InvariantCulture)),
                "list" => new ListValue(args),
                _ => throw new InvalidOperationException($"Unknown function \"{name}\""),
            };
        }

        private List<Value> Arguments()
        {
            var args = new List<Value>();
            while (!Symbol(")"))
            {
                args.Add(Or());
                Symbol(",");
            }

            return args;
        }

        private string Identifier()
        {
            Skip();
            var start = _pos;
            while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] == '_'))
            {
                _pos++;
            }

            return start == _pos ? throw new InvalidOperationException($"identifier expected at {start}") : text[start.._pos];
        }

        private bool Word(string word)
        {
            Skip();
            if (string.CompareOrdinal(text, _pos, word, 0, word.Length) == 0
                && (_pos + word.Length == text.Length || !char.IsLetterOrDigit(text[_pos + word.Length])))
            {
                _pos += word.Length;
                return true;
            }

            return false;
        }

        private bool Symbol(string symbol)
        {
            Skip();
            if (string.CompareOrdinal(text, _pos, symbol, 0, symbol.Length) == 0)
            {
                _pos += symbol.Length;
                return true;
            }

            return false;
        }

        private void Expect(string symbol)
        {
            if (!Symbol(symbol))
            {
                throw new InvalidOperationException($"'{symbol}' expected at {_pos}");
            }
        }

        private void Skip()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
            {
                _pos++;
            }
        }
    }
}
