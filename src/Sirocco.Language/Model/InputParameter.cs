using Sirocco.Expressions.Values;

namespace Sirocco.Language.Model;

/// <summary>
/// One declared input of a workflow or ad-hoc action: a bare <c>name</c> (required) or a
/// <c>name: default</c> entry. Mistral tells "no default" apart from a default of null, and so do we.
/// </summary>
/// <param name="Name">The parameter name.</param>
/// <param name="Default">The default value; null (the C# null, not <see cref="Value.Null"/>) when the parameter is required.</param>
/// <param name="Location">Where the entry starts.</param>
public sealed record InputParameter(string Name, Value? Default, SourceLocation Location)
{
    /// <summary>True when the entry was written as <c>name: default</c>.</summary>
    public bool HasDefault => Default is not null;
}
