using System.Collections.Immutable;
using Sirocco.Expressions.Values;

namespace Sirocco.Language.Model;

/// <summary>
/// An ad-hoc action: a named wrapper around a <see cref="Base"/> action with fixed or computed
/// <see cref="BaseInput"/>, its own declared <see cref="Input"/> and an optional <see cref="Output"/> transformation.
/// </summary>
public sealed record ActionSpec
{
    public required string Name { get; init; }

    /// <summary>The base action name without inline parameters.</summary>
    public required string Base { get; init; }

    /// <summary><c>base-input</c> with the inline parameters of <c>base</c> merged over it; empty when none.</summary>
    public DictValue BaseInput { get; init; } = DictValue.Empty;

    public ImmutableArray<InputParameter> Input { get; init; } = [];

    /// <summary>The raw <c>output</c> (any value, usually an expression or a mapping of expressions), or null.</summary>
    public Value? Output { get; init; }

    public string? Description { get; init; }

    public ImmutableArray<string> Tags { get; init; } = [];

    /// <summary>The text Mistral's API returns as the action's <c>definition</c>: the whole file for an action file, the action's own dedented lines in a workbook.</summary>
    public string Definition { get; init; } = string.Empty;

    public SourceLocation Location { get; init; } = SourceLocation.Start;

    /// <summary>Mistral's input signature of an ad-hoc action, e.g. <c>a, b="x", c=1</c> (defaults as JSON).</summary>
    public string InputSignature => InputSignatures.ForAction(Input);
}
