using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>One token; <see cref="Literal"/> holds the value of string and number tokens.</summary>
internal sealed record Token(TokenKind Kind, string Text, int Position, Value? Literal = null)
{
    public bool Is(TokenKind kind, string text) => Kind == kind && Text == text;

    public bool IsOperator(string text) => Kind == TokenKind.Operator && Text == text;

    public bool IsName(string text) => Kind == TokenKind.Name && Text == text;

    /// <summary>How Jinja names the token in "unexpected ..." messages.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.End => "end of template",
        TokenKind.VariableEnd => "end of print statement",
        TokenKind.BlockEnd => "end of statement block",
        TokenKind.Name => Text,
        TokenKind.String => "string",
        TokenKind.Integer => "integer",
        TokenKind.Float => "float",
        _ => Text,
    };
}
