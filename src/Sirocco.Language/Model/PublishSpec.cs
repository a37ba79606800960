using Sirocco.Expressions.Values;

namespace Sirocco.Language.Model;

/// <summary>
/// The <c>publish</c> of an <c>on-*</c> clause in the mapping form: variables published into the
/// branch's context, into the workflow-wide <c>global</c> scope, or <c>atomic</c>ally. Empty dicts when absent.
/// </summary>
public sealed record PublishSpec
{
    public DictValue Branch { get; init; } = DictValue.Empty;

    public DictValue Global { get; init; } = DictValue.Empty;

    public DictValue Atomic { get; init; } = DictValue.Empty;

    public SourceLocation Location { get; init; } = SourceLocation.Start;
}
