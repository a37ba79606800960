namespace Sirocco.Expressions.Jinja;

/// <summary>Kinds of Jinja tokens; operators carry their text in <see cref="Token.Text"/>.</summary>
internal enum TokenKind
{
    Data,
    VariableBegin,
    VariableEnd,
    BlockBegin,
    BlockEnd,
    Name,
    String,
    Integer,
    Float,
    Operator,
    End,
}
