using Sirocco.Expressions.Values;

namespace Sirocco.Language.Parsing;

/// <summary>The name and parameters read from an inline form, or the first error and its character offset.</summary>
internal sealed record InlineParseResult(string Name, DictValue Params, string? Error, int ErrorOffset);
