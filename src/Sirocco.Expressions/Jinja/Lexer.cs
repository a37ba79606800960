
namespace Sirocco.Expressions.Jinja;

/// <summary>
/// Splits a template into text and expression tokens with Mistral's environment settings:
/// <c>trim_blocks</c> and <c>lstrip_blocks</c> on, trailing newline dropped, <c>-</c> whitespace control.
/// </summary>
internal sealed partial class Lexer
{
    private static readonly string[] Operators =
    [
        "//", "**", "==", "!=", ">=", "<=",
        "+", "-", "/", "*", "%", "~", "[", "]", "(", ")", "{", "}", ">", "<", "=", ".", ":", "|", ",", ";",
    ];

    private readonly string _source;
    private readonly List<Token> _tokens = [];
    private int _pos;

    private Lexer(string source) => _source = source;

    /// <summary>Tokens of a whole template.</summary>
    public static List<Token> Template(string source)
    {
        var lexer = new Lexer(NormalizeNewlines(source));
        lexer.LexTemplate();
        return lexer._tokens;
    }

    /// <summary>Tokens of a bare expression (what Mistral hands to <c>compile_expression</c>).</summary>
    public static List<Token> Expression(string source)
    {
        var lexer = new Lexer(source);
        lexer.LexExpression(closing: null);
        lexer._tokens.Add(new Token(TokenKind.End, string.Empty, source.Length));
        return lexer._tokens;
    }

    /// <summary>Jinja splits the source into lines and joins them with '\n', which also drops one trailing newline.</summary>
    private static string NormalizeNewlines(string source)
    {
        var text = source.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return text.EndsWith('\n') ? text[..^1] : text;
    }

    private void LexTemplate()
    {
        while (_pos < _source.Length)
        {
            var start = NextTagStart(_pos);
            if (start < 0)
            {
                AddData(_source[_pos..]);
                _pos = _source.Length;
                break;
            }

            var kind = _source[start + 1];
            var data = _source[_pos..start];
            var modifier = start + 2 < _source.Length ? _source[start + 2] : '\0';
            if (modifier == '-')
            {
                data = data.TrimEnd();
            }
            else if (kind != '{' && modifier != '+')
            {
                data = LstripBlock(data, atTemplateStart: _pos == 0 || _source[_pos - 1] == '\n');
            }

            AddData(data);
            _pos = start + 2 + (modifier is '-' or '+' ? 1 : 0);
            switch (kind)
            {
                case '#':
                    SkipComment(start);
                    break;
                case '%' when TryRaw(start):
                    break;
                case '%':
                    _tokens.Add(new Token(TokenKind.BlockBegin, "{%", start));
                    LexExpression(closing: "%}");
                    break;
                default:
                    _tokens.Add(new Token(TokenKind.VariableBegin, "{{", start));
                    LexExpression(closing: "}}");
                    break;
            }
        }

        _tokens.Add(new Token(TokenKind.End, string.Empty, _source.Length));
    }

    private int NextTagStart(int from)
    {
        var i = from;
        while ((i = _source.IndexOf('{', i)) >= 0 && i + 1 < _source.Length)
        {
            if (_source[i + 1] is '{' or '%' or '#')
            {
                return i;
            }

            i++;
        }

        return -1;
    }

    /// <summary><c>lstrip_blocks</c>: spaces and tabs between a line start and a block tag go away.</summary>
    private static string LstripBlock(string data, bool atTemplateStart)
    {
        var lineStart = data.LastIndexOf('\n') + 1;
        if (lineStart == 0 && !atTemplateStart)
        {
            return data;
        }

        for (var i = lineStart; i < data.Length; i++)
        {
            if (data[i] is not (' ' or '\t'))
            {
                return data;
            }
        }

        return data[..lineStart];
    }

    private void AddData(string data)
    {
        if (data.Length > 0)
        {
            _tokens.Add(new Token(TokenKind.Data, data, _pos));
        }
    }

    private void SkipComment(int start)
    {
        var end = _source.IndexOf("#}", _pos, StringComparison.Ordinal);
        if (end < 0)
        {
            throw JinjaException.Syntax("Missing end of comment tag", start);
        }

        var strip = end > _pos && _source[end - 1] == '-';
        var keep = end > _pos && _source[end - 1] == '+';
        _pos = end + 2;
        AfterTagEnd(strip, trim: !keep);
    }

    private void AfterTagEnd(bool strip, bool trim)
    {
        if (strip)
        {
            while (_pos < _source.Length && char.IsWhiteSpace(_source[_pos]))
            {
                _pos++;
            }
        }
        else if (trim && _pos < _source.Length && _source[_pos] == '\n')
        {
            _pos++;
        }
    }
}
