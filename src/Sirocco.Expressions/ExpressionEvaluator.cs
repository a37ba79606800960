using Sirocco.Expressions.Values;

namespace Sirocco.Expressions;

/// <summary>
/// Routes a string to YAQL or Jinja2. As in Mistral, Jinja takes precedence: a string with both
/// <c>{{ }}</c> and <c>&lt;% %&gt;</c> is a Jinja template whose YAQL part stays literal text.
/// </summary>
internal sealed class ExpressionEvaluator : IExpressionEvaluator
{
    private readonly IExpressionLanguage _yaql;
    private readonly IExpressionLanguage _jinja;

    public ExpressionEvaluator(IExpressionLanguage yaql, IExpressionLanguage jinja)
    {
        _yaql = yaql;
        _jinja = jinja;
    }

    public bool ContainsExpression(string text) => _jinja.Contains(text) || _yaql.Contains(text);

    public ExpressionResult Evaluate(string text, ExpressionContext context)
    {
        if (_jinja.Contains(text))
        {
            return _jinja.Evaluate(text, context);
        }

        return _yaql.Contains(text) ? _yaql.Evaluate(text, context) : ExpressionResult.Success(Value.From(text));
    }

    public ExpressionResult EvaluateDeep(Value value, ExpressionContext context)
    {
        switch (value)
        {
            case StringValue s:
                return Evaluate(s.Value, context);
            case ListValue list:
                var items = new Value[list.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    var item = EvaluateDeep(list[i], context);
                    if (!item.IsSuccess)
                    {
                        return item;
                    }

                    items[i] = item.Value!;
                }

                return ExpressionResult.Success(new ListValue(items, list.IsTuple));
            case DictValue dict:
                var entries = new List<KeyValuePair<Value, Value>>(dict.Count);
                foreach (var (key, item) in dict)
                {
                    // Mistral evaluates values only; keys stay as written.
                    var evaluated = EvaluateDeep(item, context);
                    if (!evaluated.IsSuccess)
                    {
                        return evaluated;
                    }

                    entries.Add(new(key, evaluated.Value!));
                }

                return ExpressionResult.Success(DictValue.From(entries));
            default:
                return ExpressionResult.Success(value);
        }
    }

    public IReadOnlyList<ExpressionError> CheckSyntax(string text) =>
        _jinja.Contains(text) ? _jinja.CheckSyntax(text) : _yaql.CheckSyntax(text);
}
