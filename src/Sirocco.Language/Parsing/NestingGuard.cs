using Sirocco.Language.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Sirocco.Language.Parsing;

/// <summary>
/// Refuses pathologically deep nesting before the recursive representation model is built: a few kilobytes of
/// <c>[[[[…</c> would otherwise overflow the stack and take the whole process down. A linear scan bounds the depth
/// cheaply; only texts whose bound is high get the exact (non-recursive) event-by-event check.
/// </summary>
internal static class NestingGuard
{
    /// <summary>Far beyond any real definition; PyYAML (Mistral's loader) gives up near 1,000 levels anyway.</summary>
    public const int MaxDepth = 256;

    /// <summary>Where the nesting first exceeds <see cref="MaxDepth"/>, or null when it never does.</summary>
    public static SourceLocation? FindTooDeep(string text)
    {
        if (UpperBound(text) <= MaxDepth)
        {
            return null;
        }

        var parser = new Parser(new StringReader(text));
        var depth = 0;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case MappingStart or SequenceStart when ++depth > MaxDepth:
                        return DiagnosticBag.At(parser.Current.Start);
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                }
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // A syntax error: the loader reports it properly.
        }

        return null;
    }

    /// <summary>
    /// An over-estimate of the nesting depth: open flow brackets (quotes ignored, so it can only over-count) plus the
    /// deepest indentation plus the most block indicators on one line (compact forms such as <c>- - - x</c>).
    /// </summary>
    private static int UpperBound(string text)
    {
        int flow = 0, maxFlow = 0, indent = 0, maxIndent = 0, indicators = 0, maxIndicators = 0;
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                lineStart = true;
                indent = 0;
                indicators = 0;
                continue;
            }

            if (lineStart && c == ' ')
            {
                maxIndent = Math.Max(maxIndent, ++indent);
                continue;
            }

            lineStart = false;
            switch (c)
            {
                case '[' or '{':
                    maxFlow = Math.Max(maxFlow, ++flow);
                    break;
                case ']' or '}':
                    flow = Math.Max(0, flow - 1);
                    break;
                case '-' or ':' or '?':
                    maxIndicators = Math.Max(maxIndicators, ++indicators);
                    break;
            }
        }

        return maxFlow + maxIndent + maxIndicators;
    }
}
