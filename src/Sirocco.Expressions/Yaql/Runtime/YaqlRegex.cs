using System.Text.RegularExpressions;
using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Yaql.Runtime;

/// <summary>A compiled regular expression made by <c>regex()</c>.</summary>
internal sealed class YaqlRegex(Regex regex, string pattern) : Value
{
    public Regex Regex { get; } = regex;

    public string Pattern { get; } = pattern;

    public override ValueKind Kind => ValueKind.String;

    public override bool IsTruthy => true;

    public override bool Equals(Value? other) => other is YaqlRegex r && r.Pattern == Pattern && r.Regex.Options == Regex.Options;

    public override int GetHashCode() => Pattern.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => $"re.compile('{Pattern}')";
}
