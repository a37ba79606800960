using Sirocco.Expressions.Values;

namespace Sirocco.Expressions;

/// <summary>One expression language (YAQL or Jinja2) as the router in <see cref="ExpressionEvaluator"/> sees it.</summary>
internal interface IExpressionLanguage
{
    /// <summary>True when <paramref name="text"/> holds at least one (single-line) expression of this language.</summary>
    bool Contains(string text);

    /// <summary>Evaluates a string known to contain this language's expressions (rendering rules of the corpus README).</summary>
    ExpressionResult Evaluate(string text, ExpressionContext context);

    /// <summary>Syntax errors of every expression of this language in <paramref name="text"/>.</summary>
    IReadOnlyList<ExpressionError> CheckSyntax(string text);
}
