namespace Sirocco.Expressions.Yaql.Syntax;

/// <summary>Token classes of the YAQL lexer (those of the reference PLY grammar).</summary>
internal enum TokenKind
{
    End,
    Number,
    String,
    Keyword,
    Function,
    Dollar,
    Operator,
    Mapping,
    True,
    False,
    Null,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    LeftBrace,
    RightBrace,
    Comma,
}
