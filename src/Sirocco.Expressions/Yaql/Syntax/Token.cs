using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Yaql.Syntax;

/// <summary>One lexeme: its kind, its text (operator symbol, name) or literal value, and its offset.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Position, Value? Literal = null);
