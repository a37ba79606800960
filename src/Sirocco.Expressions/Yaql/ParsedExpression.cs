using Sirocco.Expressions.Yaql.Syntax;

namespace Sirocco.Expressions.Yaql;

/// <summary>A parse outcome: the tree, or the syntax error.</summary>
internal sealed record ParsedExpression(YaqlNode? Node, YaqlException? Error);
