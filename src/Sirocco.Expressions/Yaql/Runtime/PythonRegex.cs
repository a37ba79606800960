using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Sirocco.Expressions.Yaql.Runtime;

/// <summary>
/// Python <c>re</c> patterns on .NET regexes: named groups <c>(?P&lt;n&gt;...)</c> and
/// back-references <c>(?P=n)</c> are rewritten; compiled patterns are cached; a match timeout
/// protects against catastrophic backtracking.
/// </summary>
internal static class PythonRegex
{
    private static readonly ConcurrentDictionary<(string, RegexOptions), Regex> Cache = new();
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public static Regex Compile(string pattern, RegexOptions options)
    {
        if (Cache.TryGetValue((pattern, options), out var cached))
        {
            return cached;
        }

        var translated = pattern.Replace("(?P<", "(?<", StringComparison.Ordinal);
        translated = Regex.Replace(translated, @"\(\?P=(\w+)\)", @"\k<$1>", RegexOptions.None, Timeout);
        Regex regex;
        try
        {
            regex = new Regex(translated, options | RegexOptions.CultureInvariant, Timeout);
        }
        catch (ArgumentException e)
        {
            throw new YaqlException("regex_error", e.Message);
        }

        if (Cache.Count < 1000)
        {
            Cache.TryAdd((pattern, options), regex);
        }

        return regex;
    }
}
