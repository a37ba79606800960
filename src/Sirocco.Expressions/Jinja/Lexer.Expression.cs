using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;
using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>The tokens inside <c>{{ }}</c> and <c>{% %}</c>: names, literals and operators.</summary>
internal sealed partial class Lexer
{
    [GeneratedRegex(@"\G\{%[-+]?\s*raw\s*[-+]?%\}")]
    private static partial Regex RawStart();

    [GeneratedRegex(@"\{%([-+]?)\s*endraw\s*([-+]?)%\}")]
    private static partial Regex RawEnd();

    /// <summary>Lexes until <paramref name="closing"/> at bracket depth zero, or to the end when it is null.</summary>
    private void LexExpression(string? closing)
    {
        var depth = 0;
        while (true)
        {
            while (_pos < _source.Length && char.IsWhiteSpace(_source[_pos]))
            {
                _pos++;
            }

            if (_pos >= _source.Length)
            {
                return;
            }

            if (closing is not null && depth == 0 && TryClose(closing))
            {
                return;
            }

            var c = _source[_pos];
            var start = _pos;
            if (char.IsLetter(c) || c == '_')
            {
                while (_pos < _source.Length && (char.IsLetterOrDigit(_source[_pos]) || _source[_pos] == '_'))
                {
                    _pos++;
                }

                _tokens.Add(new Token(TokenKind.Name, _source[start.._pos], start));
            }
            else if (char.IsAsciiDigit(c))
            {
                LexNumber();
            }
            else if (c is '\'' or '"')
            {
                LexString();
            }
            else if (Operators.FirstOrDefault(op => string.CompareOrdinal(_source, _pos, op, 0, op.Length) == 0) is { } op)
            {
                depth += op is "(" or "[" or "{" ? 1 : op is ")" or "]" or "}" ? -1 : 0;
                depth = Math.Max(depth, 0);
                _pos += op.Length;
                _tokens.Add(new Token(TokenKind.Operator, op, start));
            }
            else
            {
                throw Unexpected(c);
            }
        }
    }

    private JinjaException Unexpected(char c)
    {
        var quoted = c == '\'' ? "\"'\"" : $"'{c}'";
        return JinjaException.Syntax($"unexpected char {quoted} at {_pos}", _pos);
    }

    private bool TryClose(string closing)
    {
        var at = _pos;
        var strip = false;
        var keep = false;
        if (_source[at] is '-' or '+' && string.CompareOrdinal(_source, at + 1, closing, 0, 2) == 0)
        {
            strip = _source[at] == '-';
            keep = _source[at] == '+';
            if (keep && closing == "}}")
            {
                return false;
            }

            at++;
        }

        if (string.CompareOrdinal(_source, at, closing, 0, 2) != 0)
        {
            return false;
        }

        _tokens.Add(new Token(closing == "}}" ? TokenKind.VariableEnd : TokenKind.BlockEnd, closing, _pos));
        _pos = at + 2;
        AfterTagEnd(strip, trim: closing == "%}" && !keep);
        return true;
    }

    private void LexNumber()
    {
        var start = _pos;
        var isFloat = false;
        if (_source[_pos] == '0' && _pos + 1 < _source.Length && _source[_pos + 1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B')
        {
            var radix = char.ToLowerInvariant(_source[_pos + 1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
            _pos += 2;
            var digitsStart = _pos;
            while (_pos < _source.Length && (Uri.IsHexDigit(_source[_pos]) || _source[_pos] == '_'))
            {
                _pos++;
            }

            var value = BigInteger.Zero;
            foreach (var d in _source[digitsStart.._pos].Replace("_", string.Empty, StringComparison.Ordinal))
            {
                value = value * radix + Convert.ToInt32(d.ToString(), 16);
            }

            _tokens.Add(new Token(TokenKind.Integer, _source[start.._pos], start, new IntValue(value)));
            return;
        }

        SkipDigits();
        var afterDot = _tokens.Count > 0 && _tokens[^1].IsOperator(".");
        if (!afterDot && _pos + 1 < _source.Length && _source[_pos] == '.' && char.IsAsciiDigit(_source[_pos + 1]))
        {
            isFloat = true;
            _pos++;
            SkipDigits();
        }

        if (!afterDot && _pos < _source.Length && _source[_pos] is 'e' or 'E')
        {
            var save = _pos;
            _pos++;
            if (_pos < _source.Length && _source[_pos] is '+' or '-')
            {
                _pos++;
            }

            if (_pos < _source.Length && char.IsAsciiDigit(_source[_pos]))
            {
                isFloat = true;
                SkipDigits();
            }
            else
            {
                _pos = save;
            }
        }

        var text = _source[start.._pos].Replace("_", string.Empty, StringComparison.Ordinal);
        _tokens.Add(isFloat
            ? new Token(TokenKind.Float, text, start, new FloatValue(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)))
            : new Token(TokenKind.Integer, text, start, new IntValue(BigInteger.Parse(text, CultureInfo.InvariantCulture))));
    }

    private void SkipDigits()
    {
        while (_pos < _source.Length && (char.IsAsciiDigit(_source[_pos]) || (_source[_pos] == '_' && _pos + 1 < _source.Length && char.IsAsciiDigit(_source[_pos + 1]))))
        {
            _pos++;
        }
    }

    private void LexString()
    {
        var quote = _source[_pos];
        var start = _pos;
        var builder = new StringBuilder();
        var i = _pos + 1;
        while (i < _source.Length && _source[i] != quote)
        {
            if (_source[i] == '\\' && i + 1 < _source.Length)
            {
                i = Unescape(i, builder);
            }
            else
            {
                builder.Append(_source[i]);
                i++;
            }
        }

        if (i >= _source.Length)
        {
            throw Unexpected(quote);
        }

        _pos = i + 1;
        _tokens.Add(new Token(TokenKind.String, _source[start.._pos], start, new StringValue(builder.ToString())));
    }

    /// <summary>Python's <c>unicode-escape</c> decoding, which Jinja applies to string literals.</summary>
    private int Unescape(int i, StringBuilder builder)
    {
        var c = _source[i + 1];
        switch (c)
        {
            case '\n': return i + 2;
            case '\\': builder.Append('\\'); return i + 2;
            case '\'': builder.Append('\''); return i + 2;
            case '"': builder.Append('"'); return i + 2;
            case 'a': builder.Append('\a'); return i + 2;
            case 'b': builder.Append('\b'); return i + 2;
            case 'f': builder.Append('\f'); return i + 2;
            case 'n': builder.Append('\n'); return i + 2;
            case 'r': builder.Append('\r'); return i + 2;
            case 't': builder.Append('\t'); return i + 2;
            case 'v': builder.Append('\v'); return i + 2;
            case 'x': return Hex(i, 2, builder);
            case 'u': return Hex(i, 4, builder);
            case 'U': return Hex(i, 8, builder);
            case >= '0' and <= '7':
                var end = i + 1;
                var value = 0;
                while (end < _source.Length && end < i + 4 && _source[end] is >= '0' and <= '7')
                {
                    value = (value * 8) + (_source[end] - '0');
                    end++;
                }

                builder.Append((char)value);
                return end;
            default:
                builder.Append('\\').Append(c);
                return i + 2;
        }
    }

    private int Hex(int i, int length, StringBuilder builder)
    {
        var digits = i + 2 + length <= _source.Length ? _source.Substring(i + 2, length) : string.Empty;
        if (digits.Length != length || !digits.All(Uri.IsHexDigit))
        {
            throw JinjaException.Syntax($"truncated \\{_source[i + 1]} escape at {i}", i);
        }

        var codePoint = int.Parse(digits, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        if (codePoint is < 0 or > 0x10FFFF)
        {
            throw JinjaException.Syntax($"illegal Unicode character \\{_source[i + 1]}{digits} at {i}", i);
        }

        // Python strings may hold a lone surrogate ("\ud800"); a .NET string can too, as one char.
        if (codePoint is >= 0xD800 and <= 0xDFFF)
        {
            builder.Append((char)codePoint);
        }
        else
        {
            builder.Append(char.ConvertFromUtf32(codePoint));
        }

        return i + 2 + length;
    }

    private bool TryRaw(int start)
    {
        var open = RawStart().Match(_source, start);
        if (!open.Success)
        {
            return false;
        }

        var close = RawEnd().Match(_source, open.Index + open.Length);
        if (!close.Success)
        {
            throw JinjaException.Syntax("Missing end of raw directive", start);
        }

        var body = _source[(open.Index + open.Length)..close.Index];
        if (open.Value.EndsWith("-%}", StringComparison.Ordinal))
        {
            body = body.TrimStart();
        }
        if (close.Groups[1].Value == "-")
        {
            body = body.TrimEnd();
        }

        _pos = open.Index + open.Length;
        AddData(body);
        _pos = close.Index + close.Length;
        AfterTagEnd(close.Groups[2].Value == "-", trim: close.Groups[2].Value != "+");
        return true;
    }
}
